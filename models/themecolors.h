// ThemeColors: the few colours a palette has no role for (ok, error, warning…), each with a
// light and a dark variant picked from the palette's lightness. The one place such colours live.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class ThemeColors final
{
public:
    // What a colour means, not what it looks like.
    enum class Tone {
        Ok,         // allowed, passed, applied, isolation on
        Error,      // denied where it matters, failed, a problem with the input
        Warning,    // needs attention before going on
        Caution,    // broad grants (wildcards): orange
        Attention,  // named grants: yellow
        Info,       // told apart without judgement (a Rego policy)
        Muted,      // secondary text, "unknown", "skipped"
    };

    // Dark when the window colour is dark: Qt 6.4 has no QStyleHints::colorScheme, and a
    // forced palette is told apart the same way as the desktop's.
    static bool isDark(const QPalette &palette);
    // The application's palette (QGuiApplication::palette()) for callers without a widget.
    static QPalette current();

    // Text in this tone, readable on the palette's Base and Window.
    static QColor text(Tone tone, const QPalette &palette = current());
    // A saturated fill (bars, badges, icon discs) that holds against Base in either theme.
    static QColor fill(Tone tone, const QPalette &palette = current());
    // A soft background (message boxes, table cells): the tone blended into Base.
    static QColor background(Tone tone, const QPalette &palette = current());
    // Text drawn on fill(): white or near-black, whichever reads.
    static QColor onFill(Tone tone, const QPalette &palette = current());
    // "#rrggbb" of text(tone), for rich text generated at render time.
    static QString htmlText(Tone tone, const QPalette &palette = current());
    // `html` wrapped in a span of the tone's text colour.
    static QString span(Tone tone, const QString &html, const QPalette &palette = current());

    // a·(1−amount) + b·amount, channel by channel (opaque).
    static QColor blend(const QColor &a, const QColor &b, qreal amount);
};
