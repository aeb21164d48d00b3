// ThemeColors: light variants are the Material 800 shades (contrast ≥ 4.5 on white), dark
// variants the 200–300 shades (≥ 4.5 on #2b2b2b); Muted is derived from the palette itself.
#include "models/themecolors.h"

#include <QGuiApplication>

namespace {

struct Pair {
    QRgb light;
    QRgb dark;
};

Pair textPair(ThemeColors::Tone tone)
{
    using T = ThemeColors::Tone;
    switch (tone) {
    case T::Ok: return {0x2e7d32, 0x81c784};
    case T::Error: return {0xc62828, 0xef9a9a};
    case T::Warning: return {0x8a5300, 0xffb74d};
    case T::Caution: return {0xb34700, 0xffab70};
    case T::Attention: return {0x7a6400, 0xfff176};
    case T::Info: return {0x1565c0, 0x90caf9};
    case T::Muted: break;  // from the palette
    }
    return {0x616161, 0xaaaaaa};
}

Pair fillPair(ThemeColors::Tone tone)
{
    using T = ThemeColors::Tone;
    switch (tone) {
    case T::Ok: return {0x2ea043, 0x3fb950};
    case T::Error: return {0xd32f2f, 0xe5534b};
    case T::Warning: return {0xe08a00, 0xd29922};
    case T::Caution: return {0xdb7614, 0xe0823d};
    case T::Attention: return {0xc4a000, 0xc9a600};
    case T::Info: return {0x4078c8, 0x5b8fd9};
    case T::Muted: return {0x8c8c8c, 0x7d7d7d};
    }
    return {0x8c8c8c, 0x7d7d7d};
}

QColor pick(const Pair &pair, bool dark)
{
    return QColor::fromRgb(dark ? pair.dark : pair.light);
}

} // namespace

bool ThemeColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette ThemeColors::current()
{
    // Models also run under a plain QCoreApplication (their unit tests, tools): a light
    // palette then, as the desktop's is unknown.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QPalette(QColor(0xef, 0xef, 0xef));
    return QGuiApplication::palette();
}

QColor ThemeColors::blend(const QColor &a, const QColor &b, qreal amount)
{
    const qreal keep = 1 - amount;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amount), float(a.greenF() * keep + b.greenF() * amount),
                            float(a.blueF() * keep + b.blueF() * amount));
}

QColor ThemeColors::text(Tone tone, const QPalette &palette)
{
    if (tone == Tone::Muted)
        return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
    return pick(textPair(tone), isDark(palette));
}

QColor ThemeColors::fill(Tone tone, const QPalette &palette)
{
    return pick(fillPair(tone), isDark(palette));
}

QColor ThemeColors::background(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    return blend(palette.color(QPalette::Base), fill(tone, palette), dark ? 0.3 : 0.16);
}

QColor ThemeColors::onFill(Tone tone, const QPalette &palette)
{
    return fill(tone, palette).lightnessF() > 0.6 ? QColor::fromRgb(0x1e1e1e) : QColor(Qt::white);
}

QString ThemeColors::htmlText(Tone tone, const QPalette &palette)
{
    return text(tone, palette).name(QColor::HexRgb);
}

QString ThemeColors::span(Tone tone, const QString &html, const QPalette &palette)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(htmlText(tone, palette), html);
}
