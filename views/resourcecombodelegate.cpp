// ResourceComboDelegate: the typed text is what is stored, whether or not it is in the list.
#include "views/resourcecombodelegate.h"

#include <QComboBox>
#include <QLineEdit>

ResourceComboDelegate::ResourceComboDelegate(QStringList names, QObject *parent)
    : NamedEditorDelegate(parent)
    , m_names(std::move(names))
{
}

QWidget *ResourceComboDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("resourceCombo"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(m_names);
    NamedEditorDelegate::nameEditor(combo, index);
    return combo;
}

void ResourceComboDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setEditText(index.data(Qt::EditRole).toString());
}

void ResourceComboDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentText().trimmed(), Qt::EditRole);
}
