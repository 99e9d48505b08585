using System.Numerics;

namespace DataGate.Core.Metrics;

/// <summary>
/// <see cref="LogSum"/> over whole vectors: one running mantissa product and exponent sum per lane. Lanes outside
/// [1e−30, 1e30] are logged directly and replaced by 1 in the product.
/// </summary>
internal struct VectorLogSum
{
    private const int Period = 8;
    private Vector<double> _mantissa;
    private Vector<long> _exponent;
    private double _direct;
    private int _pending;

    /// <summary>Starts an empty sum.</summary>
    public void Init()
    {
        _mantissa = Vector<double>.One;
        _exponent = Vector<long>.Zero;
        _direct = 0;
        _pending = 0;
    }

    /// <summary>Adds ln of every lane; returns false when a lane is 0 (the sum is then −∞).</summary>
    public bool Add(Vector<double> m)
    {
        var outside = Vector.LessThan(m, new Vector<double>(1e-30)) | Vector.GreaterThan(m, new Vector<double>(1e30));
        if (outside != Vector<long>.Zero)
        {
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                if (outside[lane] != 0)
                {
                    if (m[lane] == 0.0)
                    {
                        return false;
                    }

                    _direct += Math.Log(m[lane]);
                }
            }

            m = Vector.ConditionalSelect(outside, Vector<double>.One, m);
        }

        _mantissa *= m;
        if (++_pending >= Period)
        {
            Normalize();
        }

        return true;
    }

    private void Normalize()
    {
        var bits = Vector.AsVectorInt64(_mantissa);
        _exponent += (Vector.ShiftRightLogical(bits, 52) & new Vector<long>(0x7FF)) - new Vector<long>(1023);
        _mantissa = Vector.AsVectorDouble((bits & new Vector<long>(unchecked((long)0x800FFFFFFFFFFFFFUL))) | new Vector<long>(1023L << 52));
        _pending = 0;
    }

    /// <summary>Adds ln of every lane of two vectors; returns false when a lane is 0 (the sum is then −∞).</summary>
    public bool AddPair(Vector<double> m1, Vector<double> m2)
    {
        var low = new Vector<double>(1e-30);
        var high = new Vector<double>(1e30);
        if (Vector.LessThanAny(Vector.Min(m1, m2), low) || Vector.GreaterThanAny(Vector.Max(m1, m2), high))
        {
            return Add(m1) && Add(m2);
        }

        // Each factor lies in [1e−60, 1e60]; renormalising every 4 pairs keeps the product in range.
        _mantissa *= m1 * m2;
        _pending += 2;
        if (_pending >= Period)
        {
            Normalize();
        }

        return true;
    }

    /// <summary>Σ ln over all lanes and values added.</summary>
    public readonly double Total()
    {
        double total = _direct;
        for (int lane = 0; lane < Vector<double>.Count; lane++)
        {
            total += Math.Log(_mantissa[lane]) + (_exponent[lane] * Math.Log(2.0));
        }

        return total;
    }
}
