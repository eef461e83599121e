using Masip.Nhs.Caseloads;
using Masip.Nhs;
using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.Nhs.Liaison;
using Masip.Nhs.Referrals;
using Masip.Nhs.Statistics;
using Masip.ServiceDefaults;
using Masip.Nhs.Work;
using Masip.ServiceDefaults.Work;

var builder = WebApplication.CreateBuilder(args);
builder.AddMasipDefaults(NhsHost.Name, typeof(NhsHost).Assembly);
builder.Services.AddNhsCaseloadReads();
builder.Services.AddNhsReferrals();
builder.Services.AddNhsAssessments();
builder.Services.AddNhsInterventions();
builder.Services.AddNhsLiaison();
builder.Services.AddMeetingWork(NhsHost.Name).AddSpoEventCopies().AddOrderCopies();

var app = builder.Build();
app.MapMasipDefaults();
app.MapGrpcService<NhsReferralsGrpc>();
app.MapGrpcService<NhsAssessmentsGrpc>();
app.MapGrpcService<NhsInterventionsGrpc>();
app.MapGrpcService<NhsLiaisonGrpc>();
app.MapGrpcService<NhsWorkGrpc>();
app.MapGrpcService<NhsStatisticsGrpc>();
app.Run();
