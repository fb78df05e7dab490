using System.Numerics;

namespace Compliance.Reports.Xlsx;

/// <summary>
/// The shortest decimal that reads back as the same double, as UTF-8: Ulf Adams' Ryū (PLDI 2018; the reference
/// implementation is Apache-2.0 / Boost licensed), about four times faster than double.TryFormat, whose general
/// formatting machinery cost more than any other cell of an export. Its digits are the ones the runtime's own
/// round-trip formatting chooses; only the layout differs where that is free: a plain number from 1e-5 up to 1e15,
/// scientific notation (1.5E-07, 2E+20) outside, both of which spreadsheets read.
/// </summary>
internal static class ShortestDouble
{
    private const int MantissaBits = 52;
    private const int ExponentBits = 11;
    private const int Bias = 1023;
    private const int Pow5InverseBitCount = 125;
    private const int Pow5BitCount = 125;

    // 5^i scaled to 125 bits, and 2^k / 5^i rounded up, as (low, high) 64-bit halves; computed once at start-up
    // rather than pasted as 1,300 literals.
    private static readonly ulong[] Pow5 = Table(326, i =>
    {
        var pow = BigInteger.Pow(5, i);
        var shift = (int)pow.GetBitLength() - Pow5BitCount;
        return shift >= 0 ? pow >> shift : pow << -shift;
    });

    private static readonly ulong[] Pow5Inverse = Table(342, i =>
    {
        var pow = BigInteger.Pow(5, i);
        return (BigInteger.One << ((int)pow.GetBitLength() - 1 + Pow5InverseBitCount)) / pow + 1;
    });

    /// <summary>Writes a finite <paramref name="value"/>; returns the bytes written (at most 25).</summary>
    public static int Format(Span<byte> span, double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var negative = (long)bits < 0;
        var mantissa = bits & ((1UL << MantissaBits) - 1);
        var exponent = (uint)(bits >> MantissaBits) & ((1u << ExponentBits) - 1);
        if (exponent == (1u << ExponentBits) - 1) throw new ArgumentOutOfRangeException(nameof(value), "NaN and infinities have no decimal form.");
        var length = 0;
        if (negative) span[length++] = (byte)'-';
        if (exponent == 0 && mantissa == 0)
        {
            span[length] = (byte)'0';
            return length + 1;
        }
        var (digits, decimalExponent) = Decimal(mantissa, exponent);
        return length + Layout(span[length..], digits, decimalExponent);
    }

    /// <summary>Ryū's core: the shortest digits (and their power of ten) inside the interval that rounds to the double.</summary>
    private static (ulong Digits, int Exponent) Decimal(ulong mantissa, uint exponent)
    {
        int e2;
        ulong m2;
        if (exponent == 0)
        {
            // Subnormal. Two extra bits leave room for the interval's bounds.
            e2 = 1 - Bias - MantissaBits - 2;
            m2 = mantissa;
        }
        else
        {
            e2 = (int)exponent - Bias - MantissaBits - 2;
            m2 = (1UL << MantissaBits) | mantissa;
        }
        var acceptBounds = (m2 & 1) == 0; // round-half-even reading includes the interval's ends
        var mv = 4 * m2;
        var mmShift = mantissa != 0 || exponent <= 1 ? 1u : 0u; // the lower gap is half as wide at a power of two

        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false, vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InverseBitCount + Pow5Bits(q) - 1;
            var i = -e2 + q + k;
            vr = MulShiftAll(m2, Pow5Inverse, q, i, out vp, out vm, mmShift);
            if (q <= 21)
            {
                // Only one of mp, mv and mm can be a multiple of 5.
                if (mv % 5 == 0) vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                else if (acceptBounds) vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                else vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0;
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5Bits(i) - Pow5BitCount;
            var j = q - k;
            vr = MulShiftAll(m2, Pow5, i, j, out vp, out vm, mmShift);
            if (q <= 1)
            {
                // mv = 4·m2 has at least two trailing zero bits.
                vrIsTrailingZeros = true;
                if (acceptBounds) vmIsTrailingZeros = mmShift == 1;
                else vp--;
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        var removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The rare general case (under 1%): exact ties and intervals ending on a short decimal.
            byte lastRemovedDigit = 0;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (byte)(vr % 10);
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }
            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (byte)(vr % 10);
                    (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                    removed++;
                }
            }
            // Round half to even when the exact value is …50…0.
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) lastRemovedDigit = 4;
            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                // Two digits at a time first: most values lose at least two.
                roundUp = vr % 100 >= 50;
                (vr, vp, vm) = (vr / 100, vp / 100, vm / 100);
                removed += 2;
            }
            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                (vr, vp, vm) = (vr / 10, vp / 10, vm / 10);
                removed++;
            }
            output = vr + (vr == vm || roundUp ? 1UL : 0);
        }
        return (output, e10 + removed);
    }

    /// <summary>digits × 10^exponent, plain between 1e-5 and 1e15, else d.dddE±xx.</summary>
    private static int Layout(Span<byte> span, ulong digits, int exponent)
    {
        Span<byte> text = stackalloc byte[20];
        var count = XlsxSheet.DigitCount(digits);
        XlsxSheet.Digits(text[..count], digits);
        // Zeros at the end of the digits (rare: where the interval forced them) move into the exponent.
        while (count > 1 && text[count - 1] == '0')
        {
            count--;
            exponent++;
        }
        text = text[..count];
        var scientific = exponent + count - 1; // the power of ten of the first digit
        if (scientific is >= -5 and < 15)
        {
            if (exponent >= 0)
            {
                text.CopyTo(span);
                span.Slice(count, exponent).Fill((byte)'0');
                return count + exponent;
            }
            var point = count + exponent; // digits before the decimal point
            if (point > 0)
            {
                text[..point].CopyTo(span);
                span[point] = (byte)'.';
                text[point..].CopyTo(span[(point + 1)..]);
                return count + 1;
            }
            span[0] = (byte)'0';
            span[1] = (byte)'.';
            span.Slice(2, -point).Fill((byte)'0');
            text.CopyTo(span[(2 - point)..]);
            return 2 - point + count;
        }
        var length = 0;
        span[length++] = text[0];
        if (count > 1)
        {
            span[length++] = (byte)'.';
            text[1..].CopyTo(span[length..]);
            length += count - 1;
        }
        span[length++] = (byte)'E';
        span[length++] = scientific < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(scientific);
        if (magnitude >= 100) span[length++] = (byte)('0' + magnitude / 100);
        span[length++] = (byte)('0' + magnitude / 10 % 10);
        span[length++] = (byte)('0' + magnitude % 10);
        return length;
    }

    private static ulong MulShiftAll(ulong m, ulong[] table, int index, int shift, out ulong vp, out ulong vm, uint mmShift)
    {
        var (low, high) = (table[2 * index], table[2 * index + 1]);
        vp = MulShift(4 * m + 2, low, high, shift);
        vm = MulShift(4 * m - 1 - mmShift, low, high, shift);
        return MulShift(4 * m, low, high, shift);
    }

    /// <summary>(m × (high·2^64 + low)) >> shift, for a shift between 64 and 128.</summary>
    private static ulong MulShift(ulong m, ulong low, ulong high, int shift)
    {
        var top = Math.BigMul(m, high, out var middle);
        var carry = Math.BigMul(m, low, out _);
        middle += carry;
        if (middle < carry) top++;
        shift -= 64;
        return (top << (64 - shift)) | (middle >> shift);
    }

    private static bool MultipleOfPowerOf5(ulong value, int power)
    {
        var count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }
        return count >= power;
    }

    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static ulong[] Table(int size, Func<int, BigInteger> entry)
    {
        var table = new ulong[2 * size];
        var mask = (BigInteger.One << 64) - 1;
        for (var i = 0; i < size; i++)
        {
            var value = entry(i);
            table[2 * i] = (ulong)(value & mask);
            table[2 * i + 1] = (ulong)(value >> 64);
        }
        return table;
    }
}
