using Masip.Police;
using Masip.Police.Referrals;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(PoliceHost.Name, typeof(PoliceHost).Assembly);
builder.Services.AddReferrals();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<PoliceReferralsGrpc>();
app.Run();
