namespace Compliance.Reports.Xlsx;

/// <summary>
/// A bounded producer/consumer of byte chunks: the thread writing a sheet's XML fills chunks, one dedicated thread
/// writes them into the zip entry (Deflate), so generating and compressing run on two cores at once. At most
/// <c>capacity</c> chunks exist, so memory stays flat; the producer waits only when all of them are queued.
/// Several queued chunks (not two buffers swapped) keep the compressing thread busy without waiting for the
/// producer's wake-up after each chunk, and one long-lived thread avoids a thread-pool hand-off per chunk.
/// The thread starts with the first full chunk, so a small sheet is written on the caller's thread alone.
/// </summary>
internal sealed class ChunkPipe
{
    private readonly Stream _target;
    private readonly int _chunkSize;
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly Queue<(byte[] Chunk, int Length)> _full = new();
    private readonly Stack<byte[]> _free = new();
    private int _created;
    private Thread? _consumer;
    private Exception? _failure;
    private bool _completed;

    public ChunkPipe(Stream target, int chunkSize, int capacity)
    {
        _target = target;
        _chunkSize = chunkSize;
        _capacity = capacity;
    }

    /// <summary>An empty chunk; waits while every chunk is queued for writing.</summary>
    public byte[] Rent()
    {
        lock (_gate)
        {
            while (true)
            {
                ThrowIfFailed();
                if (_free.TryPop(out var chunk)) return chunk;
                if (_created < _capacity)
                {
                    _created++;
                    return new byte[_chunkSize];
                }
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Queues a filled chunk for writing; it comes back through <see cref="Rent"/> once written.</summary>
    public void Submit(byte[] chunk, int length)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            _full.Enqueue((chunk, length));
            if (_consumer is null)
            {
                // Not pooled: it blocks on the queue and on the output for the whole sheet.
                _consumer = new Thread(Consume) { IsBackground = true, Name = "xlsx-sheet-writer" };
                _consumer.UnsafeStart();
            }
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Writes <paramref name="last"/> after everything queued, waits until all is written, returns the chunks to the
    /// pool and rethrows a write failure.
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
        lock (_gate)
        {
            // An empty array stands for no chunk (the sheet's chunk was already submitted when the output broke).
            if (last.Length > 0)
            {
                if (_failure is null) _full.Enqueue((last, length));
                else _free.Push(last);
            }
            _completed = true;
            Monitor.PulseAll(_gate);
        }
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
    }

    private void Consume()
    {
        while (true)
        {
            (byte[] Chunk, int Length) item;
            lock (_gate)
            {
                while (_full.Count == 0 && !_completed) Monitor.Wait(_gate);
                if (!_full.TryDequeue(out item)) return;
            }
            try
            {
                _target.Write(item.Chunk, 0, item.Length);
            }
            catch (Exception e)
            {
                // Surfaces on the producer's next Rent, Submit or Complete (a client that went away, a full disk).
                lock (_gate)
                {
                    _failure = e;
                    _free.Push(item.Chunk);
                    Monitor.PulseAll(_gate);
                }
                return;
            }
            lock (_gate)
            {
                _free.Push(item.Chunk);
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null) throw new IOException("Writing the sheet to the output failed.", _failure);
    }
}
