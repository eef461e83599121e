using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Cli;

/// <summary>
/// A night's file on its way to PoliceIntake.ImportNight: its import id (a name-based UUID of its
/// content, so the same file is the same import) and its bytes, streamed in chunks as they are:
/// the service decodes and decides every line itself.
/// </summary>
public static class NightFile
{
    /// <summary>The bytes per chunk (the contract allows 1 MiB).</summary>
    public const int ChunkBytes = 256 * 1024;

    /// <summary>The file's import id and its line count (for the progress bar), in one pass.</summary>
    public static async Task<(Guid ImportId, int Lines)> ReadIdentityAsync(string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        var lines = 0;
        var last = (byte)'\n';
        await using var stream = File.OpenRead(path);
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        if (last != (byte)'\n')
            lines++;
        return (DeterministicId.For("night-import", Convert.ToHexString(hash.GetHashAndReset())), lines);
    }

    /// <summary>Streams the file; <paramref name="progress"/> hears the lines sent so far.</summary>
    public static async Task<ImportNightReply> StreamAsync(PoliceIntake.PoliceIntakeClient client, string path, Guid importId, CallOptions options,
        Action<int> progress)
    {
        using var call = client.ImportNight(options);
        var id = importId.ToString();
        var buffer = new byte[ChunkBytes];
        var lines = 0;
        await using (var stream = File.OpenRead(path))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, options.CancellationToken)) > 0)
            {
                try
                {
                    await call.RequestStream.WriteAsync(new ImportNightChunk { ImportId = id, Data = ByteString.CopyFrom(buffer, 0, read) });
                }
                catch (Exception ex) when (ex is RpcException or InvalidOperationException)
                {
                    break; // the service answered early (a refusal): its status is the answer below
                }
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                progress(lines);
            }
        }
        try
        {
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // the call already ended: its status is the answer below
        }
        var reply = await call.ResponseAsync;
        progress(reply.Lines);
        return reply;
    }
}
