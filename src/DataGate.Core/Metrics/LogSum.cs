namespace DataGate.Core.Metrics;

/// <summary>
/// Accumulates Σ ln mᵢ of positive values as a running product of mantissas plus a sum of binary exponents, so a
/// stream of values costs one multiply each instead of one logarithm. Values outside [1e−30, 1e30] are logged
/// directly so the product can never overflow between renormalisations.
/// </summary>
internal struct LogSum
{
    private const int Period = 8;
    private double _mantissa;
    private long _exponent;
    private double _direct;
    private int _pending;

    /// <summary>Adds ln m; returns false when m is 0 (the sum is then −∞).</summary>
    public bool Add(double m)
    {
        if (_mantissa == 0)
        {
            _mantissa = 1.0;
        }

        if (m == 0.0)
        {
            return false;
        }

        if (m is < 1e-30 or > 1e30)
        {
            _direct += Math.Log(m);
            return true;
        }

        _mantissa *= m;
        if (++_pending == Period)
        {
            long bits = BitConverter.DoubleToInt64Bits(_mantissa);
            _exponent += ((bits >> 52) & 0x7FF) - 1023;
            _mantissa = BitConverter.Int64BitsToDouble((bits & unchecked((long)0x800FFFFFFFFFFFFFUL)) | (1023L << 52));
            _pending = 0;
        }

        return true;
    }

    /// <summary>Σ ln m over the values added.</summary>
    public readonly double Total() => (_mantissa == 0 ? 0 : Math.Log(_mantissa)) + (_exponent * Math.Log(2.0)) + _direct;
}
