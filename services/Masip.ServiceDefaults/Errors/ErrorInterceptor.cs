using Grpc.Core;
using Grpc.Core.Interceptors;
using JasperFx;
using Marten.Exceptions;
using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Errors;

/// <summary>
/// Turns what a handler throws into a gRPC status with a message a caller can act on.
/// Unexpected exceptions are logged with the trace id and answered with Internal and that id:
/// never a stack trace to the caller.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        var status = ToStatus(ex);
        if (status.StatusCode == StatusCode.Internal)
        {
            var traceId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
            logger.LogError(ex, "Unhandled error in {Method}, trace {TraceId}", context.Method, traceId);
            return new RpcException(new Status(StatusCode.Internal, $"internal error; quote trace id {traceId}"));
        }
        // The detail may echo part of a bad value: log the field, never the value.
        logger.LogInformation("{Method} answered {Status} on field {Field}", context.Method, status.StatusCode,
            (ex as DomainException)?.Field ?? "-");
        return new RpcException(status);
    }

    public static Status ToStatus(Exception ex) => ex switch
    {
        InvalidFieldException e => new Status(StatusCode.InvalidArgument, e.Message),
        RuleViolationException e => new Status(StatusCode.FailedPrecondition, e.Message),
        RecordNotFoundException e => new Status(StatusCode.NotFound, e.Message),
        DuplicateRecordException e => new Status(StatusCode.AlreadyExists, e.Message),
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException =>
            new Status(StatusCode.AlreadyExists, "id: a record with this id already exists"),
        DocumentAlreadyExistsException => new Status(StatusCode.AlreadyExists, "id: a record with this id already exists"),
        _ when WriteConflicts.IsConflict(ex) =>
            new Status(StatusCode.Aborted, "version: the record changed since it was read; reload and try again"),
        _ when Transient.IsUnavailable(ex) =>
            new Status(StatusCode.Unavailable, "the service's database or message broker is unavailable; nothing was changed, try again shortly"),
        OperationCanceledException => new Status(StatusCode.Cancelled, "the call was cancelled"),
        _ => new Status(StatusCode.Internal, ex.GetType().Name),
    };
}
