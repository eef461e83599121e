using Masip.Police.Partners;
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
builder.Services.AddPartnerInformation();
// The intake's messages: an ImportNight chunk carries at most 1 MiB of the file; a batch of records fits in the rest.
builder.Services.AddGrpc().AddServiceOptions<PoliceIntakeGrpc>(grpc => grpc.MaxReceiveMessageSize = PoliceIntakeGrpc.MaxMessageBytes);

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
