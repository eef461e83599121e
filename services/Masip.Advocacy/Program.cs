using Masip.Advocacy;
using Masip.Advocacy.Referrals;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(AdvocacyHost.Name, typeof(AdvocacyHost).Assembly);
builder.Services.AddReferrals();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<AdvocacyReferralsGrpc>();
app.Run();
