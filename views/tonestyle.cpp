// ToneStyle: one filter object per styled widget (its child, so it goes with it). Both
// ApplicationPaletteChange and PaletteChange re-apply; the guard ignores the PaletteChange that
// re-applying itself causes.
#include "views/tonestyle.h"

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QWidget>

ToneStyle::ToneStyle(QWidget *widget)
    : QObject(widget)
{
    setObjectName(QStringLiteral("tenantryToneStyle"));
    widget->installEventFilter(this);
}

void ToneStyle::follow(QWidget *widget, const QString &key, std::function<void()> apply)
{
    auto *style = widget->findChild<ToneStyle *>(QStringLiteral("tenantryToneStyle"), Qt::FindDirectChildrenOnly);
    if (!style)
        style = new ToneStyle(widget);
    style->m_apply.insert(key, std::move(apply));
    style->m_applying = true;
    style->m_apply.value(key)();
    style->m_applying = false;
}

QPalette ToneStyle::basePalette(const QWidget *widget)
{
    if (const QWidget *parent = widget->parentWidget())
        return parent->palette();
    return QApplication::palette(widget);
}

void ToneStyle::setText(QWidget *widget, std::optional<Tone> tone)
{
    follow(widget, QStringLiteral("text"), [widget, tone] {
        QPalette pal = widget->palette();
        const QPalette base = basePalette(widget);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
            for (auto group : {QPalette::Active, QPalette::Inactive}) {
                pal.setColor(group, role, tone ? ThemeColors::text(*tone, base) : base.color(group, role));
            }
            pal.setColor(QPalette::Disabled, role, base.color(QPalette::Disabled, role));
        }
        widget->setPalette(pal);
    });
}

void ToneStyle::setBox(QWidget *widget, Tone tone)
{
    follow(widget, QStringLiteral("box"), [widget, tone] {
        const QPalette base = basePalette(widget);
        const QString name = widget->objectName().isEmpty() ? QString() : QStringLiteral("#") + widget->objectName();
        widget->setStyleSheet(
            QStringLiteral("%1 { background: %2; border: 1px solid %3; border-radius: 4px; padding: 6px; color: %4; }")
                .arg(QString::fromLatin1(widget->metaObject()->className()) + name,
                     ThemeColors::background(tone, base).name(), ThemeColors::fill(tone, base).name(),
                     base.color(QPalette::Text).name()));
    });
}

void ToneStyle::applyAll()
{
    if (m_applying)
        return;
    m_applying = true;
    for (const auto &apply : std::as_const(m_apply))
        apply();
    m_applying = false;
}

bool ToneStyle::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange)
        applyAll();
    return QObject::eventFilter(watched, event);
}
