// RuleTableModel: parses the rules once per role selection; lists are joined with ", " and
// the core API group shows as "core" rather than an empty cell.
#include "models/ruletablemodel.h"

#include <nlohmann/json.hpp>

RuleTableModel::RuleTableModel(QObject *parent)
    : RowTableModel(parent)
{
}

int RuleTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerbsColumn: return tr("Verbs");
    case ApiGroupsColumn: return tr("API groups");
    case ResourcesColumn: return tr("Resources");
    case ResourceNamesColumn: return tr("Resource names");
    case NonResourceColumn: return tr("Non-resource URLs");
    }
    return {};
}

void RuleTableModel::setRulesJson(const QString &text)
{
    std::vector<RuleRow> rows;
    const auto rules = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (rules.is_array()) {
        auto join = [](const nlohmann::json &rule, const char *field, bool coreName = false) {
            QStringList parts;
            if (auto it = rule.find(field); it != rule.end() && it->is_array())
                for (const auto &v : *it)
                    if (v.is_string()) {
                        const auto s = v.get<std::string>();
                        parts << (coreName && s.empty() ? QStringLiteral("core") : QString::fromStdString(s));
                    }
            return parts.join(QStringLiteral(", "));
        };
        int i = 0;
        for (const auto &rule : rules) {
            if (!rule.is_object())
                continue;
            RuleRow r;
            r.index = i++;
            r.verbs = join(rule, "verbs");
            r.apiGroups = join(rule, "apiGroups", true);
            r.resources = join(rule, "resources");
            r.resourceNames = join(rule, "resourceNames");
            r.nonResourceUrls = join(rule, "nonResourceURLs");
            rows.push_back(std::move(r));
        }
    }
    setRows(std::move(rows));
}

QVariant RuleTableModel::cell(const RuleRow &row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case VerbsColumn: return row.verbs;
    case ApiGroupsColumn: return row.apiGroups;
    case ResourcesColumn: return row.resources;
    case ResourceNamesColumn: return row.resourceNames;
    case NonResourceColumn: return row.nonResourceUrls;
    }
    return {};
}
