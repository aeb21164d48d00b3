// TimeFormat: parses RFC 3339 UTC stamps once per call; unparsable text is shown as is.
// Ages round down like kubectl's AGE column (s, min, h, d).
#include "models/timeformat.h"

#include <QDateTime>

QString TimeFormat::display(const QString &rfc3339)
{
    if (rfc3339.isEmpty())
        return {};
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return rfc3339;
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString TimeFormat::age(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return {};
    const qint64 s = std::max<qint64>(0, t.secsTo(QDateTime::currentDateTimeUtc()));
    if (s < 120)
        return QStringLiteral("%1 s").arg(s);
    if (s < 7200)
        return QStringLiteral("%1 min").arg(s / 60);
    if (s < 172800)
        return QStringLiteral("%1 h").arg(s / 3600);
    return QStringLiteral("%1 d").arg(s / 86400);
}
