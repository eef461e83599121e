using Masip.Probation;
using Masip.Probation.Mappa;
using Masip.Probation.People;
using Masip.Probation.Psr;
using Masip.Probation.Referrals;
using Masip.Probation.Releases;
using Masip.Probation.Scanning;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(ProbationHost.Name, typeof(ProbationHost).Assembly);
builder.Services.AddPeople();
builder.Services.AddReferralAnswers();
builder.Services.AddPsrConsultations();
builder.Services.AddMappa();
builder.Services.AddReleases();
builder.Services.AddDueScanner();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<ProbationPeopleGrpc>();
app.MapGrpcService<ProbationReferralsGrpc>();
app.MapGrpcService<PsrConsultationsGrpc>();
app.MapGrpcService<MappaGrpc>();
app.MapGrpcService<ReleasesGrpc>();
app.Run();
