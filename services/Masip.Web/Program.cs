using Masip.Web;

var builder = WebConsole.CreateBuilder(args);
// `deploy/masip up` passes ASPNETCORE_URLS; run by hand, the console listens where the README says.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
    builder.WebHost.UseUrls("http://127.0.0.1:5100");
var app = WebConsole.Build(builder);
app.Run();
