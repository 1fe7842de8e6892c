using System.Buffers;

namespace ContractKit.Contracts.Records;

/// <summary>
/// A window on a stream's bytes in one pooled array: the format readers look at <see cref="Span"/>,
/// consume what they have handled with <see cref="Advance"/> and ask for more. The array grows
/// (doubling) only while one record does not fit, up to the record limit, and shrinks back once
/// that record is consumed, so memory stays flat whatever the file size.
/// </summary>
internal sealed class RecordBuffer : IDisposable
{
    /// <summary>The usual size of the array, and of one read.</summary>
    internal const int InitialSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _capacityLimit;
    private byte[] _array;
    private int _start;
    private int _end;
    private long _arrayOffset;

    /// <param name="stream">The stream to read; read forward only, so it may be non-seekable.</param>
    /// <param name="maxRecordBytes">The largest record the readers accept; the array never needs to hold more than that plus a line ending.</param>
    public RecordBuffer(Stream stream, int maxRecordBytes)
    {
        _stream = stream;
        _capacityLimit = (int)Math.Min(Array.MaxLength, (long)maxRecordBytes + 2);
        _array = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, _capacityLimit));
    }

    /// <summary>True once the stream has no more bytes.</summary>
    public bool EndOfStream { get; private set; }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Span => _array.AsSpan(_start, _end - _start);

    /// <summary>How many bytes are read and not yet consumed.</summary>
    public int Length => _end - _start;

    /// <summary>The byte offset in the stream of <c>Span[0]</c>.</summary>
    public long Position => _arrayOffset + _start;

    /// <summary>
    /// Bytes of <see cref="Span"/> as memory, for parsers that keep a reference: valid until the
    /// next <see cref="ReadAsync"/> or <see cref="FillAsync"/>.
    /// </summary>
    public ReadOnlyMemory<byte> Memory(int start, int length) => _array.AsMemory(_start + start, length);

    /// <summary>Marks <paramref name="count"/> bytes at the start of <see cref="Span"/> as consumed.</summary>
    public void Advance(int count)
    {
        if ((uint)count > (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _start += count;
    }

    /// <summary>
    /// Reads once from the stream (whatever it has ready), after moving the unconsumed bytes to
    /// the front and growing the array when they fill it. Callers check the record limit first:
    /// unconsumed bytes beyond <c>maxRecordBytes</c> are never kept.
    /// </summary>
    /// <returns>False at the end of the stream.</returns>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (EndOfStream)
        {
            return false;
        }

        MakeRoom();
        var read = await _stream.ReadAsync(_array.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            EndOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>
    /// Reads at least once, then on until the array is full or the stream ends. Readers that must
    /// rescan a partial record from its start use this once the record outgrows one read, so each
    /// rescan covers a buffer twice as large as the last and the total work stays linear.
    /// </summary>
    /// <returns>False when nothing more could be read.</returns>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (!await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        while (_end < _array.Length && await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return true;
    }

    /// <summary>Reads more: once for a small partial record, to a full buffer for a large one.</summary>
    public ValueTask<bool> MoreAsync(CancellationToken cancellationToken) =>
        Length > InitialSize / 2 ? FillAsync(cancellationToken) : ReadAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _start = _end = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void MakeRoom()
    {
        var length = Length;
        if (_array.Length > InitialSize && length <= InitialSize / 2)
        {
            // A large record has been consumed: go back to the usual size.
            Replace(ArrayPool<byte>.Shared.Rent(InitialSize));
        }
        else if (length == _array.Length)
        {
            if (_array.Length >= _capacityLimit)
            {
                throw new InvalidOperationException("the record buffer is full: the reader should have reported the record as too large");
            }

            Replace(ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_array.Length * 2, _capacityLimit)));
        }
        else if (_start > 0)
        {
            _array.AsSpan(_start, length).CopyTo(_array);
            _arrayOffset += _start;
            _end = length;
            _start = 0;
        }
    }

    private void Replace(byte[] array)
    {
        var length = Length;
        _array.AsSpan(_start, length).CopyTo(array);
        ArrayPool<byte>.Shared.Return(_array);
        _array = array;
        _arrayOffset += _start;
        _start = 0;
        _end = length;
    }
}
