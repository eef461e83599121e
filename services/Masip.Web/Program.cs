using Masip.Web;

var app = WebConsole.Build(WebConsole.CreateBuilder(args));
app.Run();
