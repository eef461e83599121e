using Masip.Nhs;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(NhsHost.Name, typeof(NhsHost).Assembly);

var app = builder.Build();
app.MapMasipDefaults();
app.Run();
