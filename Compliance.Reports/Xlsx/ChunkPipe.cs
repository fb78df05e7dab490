using System.Collections.Concurrent;

namespace Compliance.Reports.Xlsx;

/// <summary>
/// A bounded producer/consumer of byte chunks: the thread writing a sheet's XML fills chunks, one dedicated thread
/// writes them into the zip entry (Deflate), so generating and compressing run on two cores at once. At most
/// <c>capacity</c> chunks exist, so memory stays flat; the producer waits only when all of them are queued.
/// The hand-over is two lock-free queues, each with a semaphore counting its chunks. Kernel semaphores, which put a
/// waiting thread to sleep at once: with one lock and Monitor.Wait/PulseAll (and still with SemaphoreSlim), the waiting
/// thread spun, and on this VM's two cores the spinning slowed the other thread (dotnet-trace showed the sheet's thread
/// spending a third of its time in the lock; 1M rows went from 0.80× to 0.89× of the Deflate floor). A wait per 128 KB
/// chunk costs nothing next to filling or compressing it. One long-lived thread avoids a thread-pool hand-off per chunk,
/// and it starts with the first full chunk, so a small sheet is written on the caller's thread alone.
/// </summary>
#pragma warning disable CA1001 // the semaphores are disposed where the pipe ends, in Complete (not a disposable sheet)
internal sealed class ChunkPipe
#pragma warning restore CA1001
{
    private readonly Stream _target;
    private readonly int _chunkSize;
    private readonly int _capacity;
    private readonly ConcurrentQueue<(byte[] Chunk, int Length)> _full = new();
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly Semaphore _fullCount = new(0, int.MaxValue);
    private readonly Semaphore _freeCount;
    private Thread? _consumer;
    private volatile Exception? _failure;

    public ChunkPipe(Stream target, int chunkSize, int capacity)
    {
        _target = target;
        _chunkSize = chunkSize;
        _capacity = capacity;
        _freeCount = new Semaphore(capacity, int.MaxValue);
    }

    /// <summary>An empty chunk; waits while every chunk is queued for writing.</summary>
    public byte[] Rent()
    {
        ThrowIfFailed();
        _freeCount.WaitOne();
        ThrowIfFailed();
        // A permit without a returned chunk is one not made yet: there are as many permits as chunks.
        return _free.TryDequeue(out var chunk) ? chunk : new byte[_chunkSize];
    }

    /// <summary>Queues a filled chunk for writing; it comes back through <see cref="Rent"/> once written.</summary>
    public void Submit(byte[] chunk, int length)
    {
        ThrowIfFailed();
        _full.Enqueue((chunk, length));
        if (_consumer is null)
        {
            // Not pooled: it blocks on the queue and on the output for the whole sheet.
            _consumer = new Thread(Consume) { IsBackground = true, Name = "xlsx-sheet-writer" };
            _consumer.UnsafeStart();
        }
        _fullCount.Release();
    }

    /// <summary>
    /// Writes <paramref name="last"/> after everything queued, waits until all is written, lets the chunks go and
    /// rethrows a write failure.
    /// </summary>
    public void Complete(byte[] last, int length)
    {
        if (_consumer is null)
        {
            // Nothing was queued: a small sheet, written here without a second thread.
            try
            {
                _target.Write(last, 0, length);
            }
            finally
            {
                ReturnChunks();
            }
            return;
        }
        // An empty array stands for no chunk (the sheet's chunk was already submitted when the output broke).
        if (last.Length > 0 && _failure is null)
        {
            _full.Enqueue((last, length));
            _fullCount.Release();
        }
        _full.Enqueue(([], -1)); // the end
        _fullCount.Release();
        _consumer.Join();
        ReturnChunks();
        ThrowIfFailed();
    }

    // The chunks are the pipe's own, not the shared pool's: a pooled array handed back twice anywhere in the process
    // would reach two writers at once and mix their bytes; four chunks a sheet cost nothing next to an export.
    private void ReturnChunks()
    {
        _free.Clear();
        _full.Clear();
        _fullCount.Dispose();
        _freeCount.Dispose();
    }

    private void Consume()
    {
        while (true)
        {
            _fullCount.WaitOne();
            if (!_full.TryDequeue(out var item) || item.Length < 0) return;
            try
            {
                _target.Write(item.Chunk, 0, item.Length);
            }
            catch (Exception e)
            {
                // Surfaces on the producer's next Rent, Submit or Complete (a client that went away, a full disk);
                // a producer waiting for a chunk is let go.
                _failure = e;
                _freeCount.Release(_capacity);
                return;
            }
            _free.Enqueue(item.Chunk);
            _freeCount.Release();
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure) throw new IOException("Writing the sheet to the output failed.", failure);
    }
}
