// PermissionCellDelegate: state from the model's roles, colours from the palette.
#include "views/permissioncelldelegate.h"

#include "models/permissionmatrixmodel.h"
#include "models/themecolors.h"

#include <QApplication>
#include <QPainter>

#include <optional>

namespace {

std::optional<ThemeColors::Tone> toneOf(PermissionMatrixModel::State state)
{
    using S = PermissionMatrixModel::State;
    using T = ThemeColors::Tone;
    switch (state) {
    case S::Allowed:
    case S::Reviewed:
    case S::Superuser: return T::Ok;
    case S::Wildcard: return T::Caution;
    case S::Named: return T::Attention;
    case S::Unknown: return T::Muted;
    case S::Policy: return T::Info;  // a Rego policy, not a rule: told apart
    case S::Denied:
    case S::NotApplicable: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

void PermissionCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant stateValue = index.data(PermissionMatrixModel::StateRole);
    if (!stateValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto state = static_cast<PermissionMatrixModel::State>(stateValue.toInt());
    const bool differs = index.data(PermissionMatrixModel::DiffersRole).toBool();
    const bool risky = index.data(PermissionMatrixModel::RiskyRole).toBool();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    QColor background = pal.color(QPalette::Base);
    if (const auto tone = toneOf(state))
        background = ThemeColors::blend(background, ThemeColors::fill(*tone, pal), ThemeColors::isDark(pal) ? 0.45 : 0.28);
    if (selected)
        background = ThemeColors::blend(background, pal.color(QPalette::Highlight), 0.55);
    painter->fillRect(option.rect, background);

    QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    if ((state == PermissionMatrixModel::State::Denied || state == PermissionMatrixModel::State::NotApplicable) && !selected)
        text = pal.color(QPalette::PlaceholderText);
    painter->setPen(text);
    QFont font = option.font;
    if (differs)
        font.setBold(true);
    painter->setFont(font);
    const QString symbol = PermissionMatrixModel::stateSymbol(state);
    const QString label = (symbol.isEmpty() ? QString() : symbol + QLatin1Char(' ')) + index.data(Qt::DisplayRole).toString();
    painter->drawText(option.rect.adjusted(3, 0, -3, 0), Qt::AlignCenter, label);

    if (differs) {
        QPen pen(pal.color(QPalette::Highlight), 2);
        painter->setPen(pen);
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    }
    if (risky) {
        // A small triangle in the top-right corner: "this grant is a known risk".
        const QRect r = option.rect;
        const int s = qMin(8, r.height() / 2);
        QPolygon corner;
        corner << QPoint(r.right() - s, r.top()) << QPoint(r.right(), r.top()) << QPoint(r.right(), r.top() + s);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ThemeColors::fill(ThemeColors::Tone::Error, pal));
        painter->drawPolygon(corner);
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

QSize PermissionCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(PermissionMatrixModel::StateRole).isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QStringLiteral("? unknown | unknown")) + 8, fm.height() + 6};
}
