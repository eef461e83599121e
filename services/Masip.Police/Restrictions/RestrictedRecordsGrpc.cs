using Masip.Contracts.Police;
using Masip.Police.Clocks;
using Masip.ServiceDefaults.Commands;
using Microsoft.Extensions.Options;

namespace Masip.Police.Restrictions;

/// <summary>Restricted records (RestrictedRecords): restricting a case (Restricting/), the supervisor's access alerts (AccessAlerts.cs).</summary>
public sealed partial class RestrictedRecordsGrpc(CommandPipeline pipeline, Marten.IQuerySession query, TimeProvider clock, IOptions<ClockOptions> clocks)
    : RestrictedRecords.RestrictedRecordsBase;
