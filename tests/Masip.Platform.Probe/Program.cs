using Marten;
using Masip.Platform.Probe;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(ProbeHost.Name, typeof(ProbeHost).Assembly);
builder.Services.ConfigureMarten(store => store.Schema.For<Counter>());

var app = builder.Build();
app.MapMasipDefaults();
app.Run();
