using Masip.Probation;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(ProbationHost.Name, typeof(ProbationHost).Assembly);

var app = builder.Build();
app.MapMasipDefaults();
app.Run();
