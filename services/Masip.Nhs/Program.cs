using Masip.Nhs;
using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.Nhs.Liaison;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(NhsHost.Name, typeof(NhsHost).Assembly);
builder.Services.AddNhsReferrals();
builder.Services.AddNhsAssessments();
builder.Services.AddNhsInterventions();
builder.Services.AddNhsLiaison();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<NhsReferralsGrpc>();
app.MapGrpcService<NhsAssessmentsGrpc>();
app.MapGrpcService<NhsInterventionsGrpc>();
app.MapGrpcService<NhsLiaisonGrpc>();
app.Run();
