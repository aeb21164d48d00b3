// RoleTemplateModel: two levels (category -> template). A template row's internal id is its
// category's number + 1, category rows have id 0, so parent() needs no node objects.
#include "models/roletemplatemodel.h"

#include <QFont>

#include <algorithm>

using kube::tenancy::RoleTemplateInfo;

RoleTemplateModel::RoleTemplateModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex RoleTemplateModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_categories.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0)
        return {};
    const auto &c = m_categories[std::size_t(parent.row())];
    return row < int(c.templates.size()) ? createIndex(row, column, quintptr(parent.row() + 1)) : QModelIndex();
}

QModelIndex RoleTemplateModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int RoleTemplateModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_categories[std::size_t(parent.row())].templates.size());
}

int RoleTemplateModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const RoleTemplateInfo *RoleTemplateModel::templateAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0 || index.model() != this)
        return nullptr;
    const auto &c = m_categories[std::size_t(index.internalId() - 1)];
    return &m_templates[std::size_t(c.templates[std::size_t(index.row())])];
}

bool RoleTemplateModel::isSelected(const std::string &name) const
{
    return std::find(m_selected.begin(), m_selected.end(), name) != m_selected.end();
}

QVariant RoleTemplateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RoleTemplateInfo *t = templateAt(index);
    if (!t) {
        const auto &c = m_categories[std::size_t(index.row())];
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return c.name;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == TemplateNameRole)
            return QString();
        return {};
    }
    const QString name = QString::fromStdString(t->name);
    const QString needed = requiredBy(name);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return t->displayName.empty() ? name : QString::fromStdString(t->displayName);
        if (!needed.isEmpty())
            return tr("%1 (needed by %2)").arg(QString::fromStdString(t->description), needed).trimmed();
        return QString::fromStdString(t->description);
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return isSelected(t->name) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
        if (!t->description.empty())
            tip += QStringLiteral("<br>") + QString::fromStdString(t->description).toHtmlEscaped();
        tip += QStringLiteral("<br>") + tr("%n rule(s)", nullptr, int(t->ruleCount));
        if (!t->dependencies.empty()) {
            QStringList deps;
            for (const auto &d : t->dependencies)
                deps << QString::fromStdString(d);
            tip += QStringLiteral("<br>") + tr("Depends on: %1").arg(deps.join(QStringLiteral(", ")).toHtmlEscaped());
        }
        if (!needed.isEmpty())
            tip += QStringLiteral("<br>") + tr("Selected because %1 depends on it.").arg(needed.toHtmlEscaped());
        if (t->basic)
            tip += QStringLiteral("<br>") + tr("A basic template: KubeSphere's console adds it to every role it creates "
                                               "at this level (its overview menus come from it).");
        return tip;
    }
    case TemplateNameRole: return name;
    }
    return {};
}

bool RoleTemplateModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const RoleTemplateInfo *t = templateAt(index);
    if (!t || role != Qt::CheckStateRole || index.column() != NameColumn)
        return false;
    setSelected(QString::fromStdString(t->name), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags RoleTemplateModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!templateAt(index))
        return Qt::ItemIsEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RoleTemplateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Template") : tr("Description");
}

void RoleTemplateModel::setTemplates(std::vector<RoleTemplateInfo> templates, const std::vector<std::string> &selected)
{
    beginResetModel();
    m_selected = selected;
    m_requiredBy.clear();
    m_templates.clear();
    for (auto &t : templates)
        if (!t.hidden || t.basic || isSelected(t.name))
            m_templates.push_back(std::move(t));
    std::sort(m_templates.begin(), m_templates.end(), [](const RoleTemplateInfo &a, const RoleTemplateInfo &b) {
        return std::tie(a.category, a.name) < std::tie(b.category, b.name);
    });
    m_categories.clear();
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        const QString category = m_templates[i].category.empty() ? tr("Other") : QString::fromStdString(m_templates[i].category);
        if (m_categories.empty() || m_categories.back().name != category)
            m_categories.push_back({category, {}});
        m_categories.back().templates.push_back(int(i));
    }
    endResetModel();
}

QModelIndex RoleTemplateModel::indexOfTemplate(const QString &name) const
{
    for (std::size_t c = 0; c < m_categories.size(); ++c)
        for (std::size_t r = 0; r < m_categories[c].templates.size(); ++r)
            if (QString::fromStdString(m_templates[std::size_t(m_categories[c].templates[r])].name) == name)
                return createIndex(int(r), NameColumn, quintptr(c + 1));
    return {};
}

void RoleTemplateModel::emitCheckChanged(const std::string &name)
{
    const QModelIndex i = indexOfTemplate(QString::fromStdString(name));
    if (i.isValid())
        emit dataChanged(i, i.siblingAtColumn(DescriptionColumn));
}

void RoleTemplateModel::setSelected(const QString &qname, bool on)
{
    const std::string name = qname.toStdString();
    if (on == isSelected(name))
        return;
    if (!on) {
        m_selected.erase(std::remove(m_selected.begin(), m_selected.end(), name), m_selected.end());
        m_requiredBy.erase(name);
        emitCheckChanged(name);
        emit selectionChanged();
        return;
    }
    // Only what this template pulls in: a dependency the user unchecked earlier for another
    // template stays unchecked.
    const kube::tenancy::TemplateClosure closure = kube::tenancy::templateClosure(m_templates, {name});
    m_selected.push_back(name);
    QStringList added;
    for (const auto &a : closure.added) {
        if (isSelected(a))
            continue;
        m_selected.push_back(a);
        m_requiredBy.emplace(a, closure.requiredBy.at(a));
        added << QString::fromStdString(a);
    }
    emitCheckChanged(name);
    for (const auto &a : closure.added)
        emitCheckChanged(a);
    emit selectionChanged();
    if (!added.isEmpty())
        emit dependenciesAdded(qname, added);
}

QString RoleTemplateModel::requiredBy(const QString &name) const
{
    const auto it = m_requiredBy.find(name.toStdString());
    return it == m_requiredBy.end() ? QString() : QString::fromStdString(it->second);
}

QStringList RoleTemplateModel::unknownSelected() const
{
    QStringList out;
    for (const auto &s : m_selected)
        if (std::none_of(m_templates.begin(), m_templates.end(), [&](const RoleTemplateInfo &t) { return t.name == s; }))
            out << QString::fromStdString(s);
    return out;
}
