// NaturalOrder: a hand-written comparison instead of QCollator's numeric mode, which is
// locale-dependent and calls "a01" and "a1" equal; the tree's merge needs a strict order.
#include "models/naturalorder.h"

int NaturalOrder::compare(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const QChar ca = a[i], cb = b[j];
        if (ca.isDigit() && cb.isDigit()) {
            // Skip leading zeros, then the longer run is the bigger number, else digit by digit.
            qsizetype si = i, sj = j;
            while (si < a.size() && a[si] == QLatin1Char('0'))
                ++si;
            while (sj < b.size() && b[sj] == QLatin1Char('0'))
                ++sj;
            qsizetype ei = si, ej = sj;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            for (qsizetype k = 0; k < ei - si; ++k)
                if (a[si + k] != b[sj + k])
                    return a[si + k] < b[sj + k] ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    // Equal as numbers ("a01" / "a1"): plain order decides, so distinct names stay distinct.
    return a == b ? 0 : (a < b ? -1 : 1);
}

bool NaturalOrder::less(const QString &a, const QString &b)
{
    return compare(a, b) < 0;
}
