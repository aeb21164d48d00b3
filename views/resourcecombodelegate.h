// Edits a resource-name cell with an editable combo box: the common names are offered, any
// other name can be typed (the model's checks say whether the server would take it).
#pragma once

#include "views/namededitordelegate.h"

#include <QStringList>

class ResourceComboDelegate final : public NamedEditorDelegate
{
    Q_OBJECT
public:
    ResourceComboDelegate(QStringList names, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QStringList m_names;
};
