// Kubernetes timestamps ("2026-11-26T23:21:38Z") as the tables show them: local date and
// time, with the age beside it ("3 d ago").
#pragma once

#include <QString>

class TimeFormat final
{
public:
    static QString display(const QString &rfc3339);
    static QString age(const QString &rfc3339);
};
