using Marten;
using Masip.ServiceDefaults.Commands;

namespace Masip.Probation.Mappa;

/// <summary>MAPPA: the command's endpoint lives in Recording/, the list of flags in <c>MappaQueries.cs</c>.</summary>
public sealed partial class MappaGrpc(CommandPipeline pipeline, IQuerySession query) : Contracts.Probation.Mappa.MappaBase;
