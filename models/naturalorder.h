// The order of names in the tenancy tree: digit runs compare as numbers ("ws-2" before
// "ws-10"), as file managers sort, and two different names never compare equal.
#pragma once

#include <QString>

class NaturalOrder final
{
public:
    // A strict total order: natural comparison, ties (leading zeros) broken by plain order.
    static bool less(const QString &a, const QString &b);
    static int compare(const QString &a, const QString &b);
};
