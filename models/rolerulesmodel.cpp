// RoleRulesModel: the JSON of each rule is the truth; cells are views of it, so a rule the form
// cannot show survives every edit of the others byte for byte.
#include "models/rolerulesmodel.h"

#include "kubeclient/kubesphere/rulecheck.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

RoleRulesModel::RoleRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int RoleRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int RoleRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RoleRulesModel::joined(const nlohmann::json &rule, const char *key, bool coreGroup)
{
    QStringList parts;
    if (!rule.is_object())
        return {};
    const auto it = rule.find(key);
    if (it == rule.end())
        return {};
    if (!it->is_array())
        return QString::fromStdString(it->dump());
    for (const auto &v : *it) {
        if (!v.is_string())
            parts << QString::fromStdString(v.dump());
        else if (coreGroup && v.get<std::string>().empty())
            parts << QStringLiteral("core");
        else
            parts << QString::fromStdString(v.get<std::string>());
    }
    return parts.join(QStringLiteral(", "));
}

QVariant RoleRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const nlohmann::json &rule = m_rules[static_cast<std::size_t>(index.row())];
    QString why;
    const bool editable = formEditable(index.row(), &why);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VerbsColumn: return joined(rule, "verbs");
        case ApiGroupsColumn: return joined(rule, "apiGroups", true);
        case ResourcesColumn: return joined(rule, "resources");
        case ResourceNamesColumn: return joined(rule, "resourceNames");
        case NonResourceColumn: return joined(rule, "nonResourceURLs");
        case NoteColumn:
            if (m_readOnly)
                return tr("written by the aggregation controller");
            return editable ? QString() : tr("kept as written: edit on the YAML tab");
        }
        return {};
    case Qt::ToolTipRole:
        if (m_readOnly)
            return tr("The rules of an aggregated ClusterRole are written by its controller.");
        if (!editable)
            return tr("The form cannot show this rule (%1). It is kept exactly as written; edit it on the YAML tab.")
                .arg(why);
        return QString::fromStdString(rule.dump());
    case Qt::FontRole:
        if (!editable || m_readOnly) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (!editable || m_readOnly)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case FormEditableRole: return editable && !m_readOnly;
    case RuleJsonRole: return QString::fromStdString(rule.dump());
    }
    return {};
}

QVariant RoleRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case VerbsColumn: return tr("Verbs");
    case ApiGroupsColumn: return tr("API groups");
    case ResourcesColumn: return tr("Resources");
    case ResourceNamesColumn: return tr("Resource names");
    case NonResourceColumn: return tr("Non-resource URLs");
    case NoteColumn: return tr("Note");
    }
    return {};
}

void RoleRulesModel::setRules(const nlohmann::json &rules)
{
    beginResetModel();
    m_rules.clear();
    if (rules.is_array())
        m_rules.assign(rules.begin(), rules.end());
    endResetModel();
}

nlohmann::json RoleRulesModel::rules() const
{
    return nlohmann::json(m_rules);
}

const nlohmann::json &RoleRulesModel::rule(int row) const
{
    static const nlohmann::json none;
    return row >= 0 && row < rowCount() ? m_rules[static_cast<std::size_t>(row)] : none;
}

bool RoleRulesModel::formEditable(int row, QString *why) const
{
    if (row < 0 || row >= rowCount())
        return false;
    std::string reason;
    const bool fits = kube::tenancy::ruleFitsForm(m_rules[static_cast<std::size_t>(row)], &reason);
    if (why)
        *why = QString::fromStdString(reason);
    return fits;
}

void RoleRulesModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rules.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int RoleRulesModel::appendRule(nlohmann::json rule)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rules.push_back(std::move(rule));
    endInsertRows();
    emit rulesEdited();
    return row;
}

void RoleRulesModel::setRule(int row, nlohmann::json rule)
{
    if (row < 0 || row >= rowCount())
        return;
    if (m_rules[static_cast<std::size_t>(row)] == rule)
        return;
    m_rules[static_cast<std::size_t>(row)] = std::move(rule);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit rulesEdited();
}

void RoleRulesModel::removeRule(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rules.erase(m_rules.begin() + row);
    endRemoveRows();
    emit rulesEdited();
}
