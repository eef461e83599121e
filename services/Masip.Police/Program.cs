using Masip.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.Police.Intake;
using Masip.Police.Perpetrators;
using Masip.Police.Referrals;
using Masip.Police.Reviews;
using Masip.Police.Spo;
using Masip.Police.Statistics;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(PoliceHost.Name, typeof(PoliceHost).Assembly);
builder.Services.AddCases();
builder.Services.AddPerpetrators();
builder.Services.AddGriffin();
builder.Services.AddSpo();
builder.Services.AddReferrals();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<PoliceIntakeGrpc>();
app.MapGrpcService<StacReviewsGrpc>();
app.MapGrpcService<PolicePerpetratorsGrpc>();
app.MapGrpcService<OperationGriffinGrpc>();
app.MapGrpcService<PoliceSpoGrpc>();
app.MapGrpcService<PoliceReferralsGrpc>();
app.MapGrpcService<PoliceStatisticsGrpc>();
app.Run();
