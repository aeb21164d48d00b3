// The rules of the role being edited, one row per PolicyRule, exactly as they will be written
// ("*" stays "*"). Rules the form cannot show and give back unchanged (extra keys, values that
// are not lists of strings) are kept verbatim and flagged read-only with the reason.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <nlohmann/json.hpp>

#include <vector>

class RoleRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { VerbsColumn, ApiGroupsColumn, ResourcesColumn, ResourceNamesColumn, NonResourceColumn, NoteColumn, ColumnCount };
    // Whether the rule editor may change the row (bool), and the rule as compact JSON (QString).
    static constexpr int FormEditableRole = Qt::UserRole + 1;
    static constexpr int RuleJsonRole = Qt::UserRole + 2;

    explicit RoleRulesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A JSON array of rules (anything else reads as none). Resets the model.
    void setRules(const nlohmann::json &rules);
    nlohmann::json rules() const;
    const nlohmann::json &rule(int row) const;
    // Whether the form can show the row; *why says what it cannot keep.
    bool formEditable(int row, QString *why = nullptr) const;

    // All rows read-only (an aggregated ClusterRole: its controller writes the rules).
    void setReadOnly(bool readOnly);
    bool readOnly() const { return m_readOnly; }

    int appendRule(nlohmann::json rule);
    // Replaces one rule (the rule editor's live edits).
    void setRule(int row, nlohmann::json rule);
    void removeRule(int row);

signals:
    // Any rule added, removed or changed (not emitted by setRules).
    void rulesEdited();

private:
    static QString joined(const nlohmann::json &rule, const char *key, bool coreGroup = false);

    std::vector<nlohmann::json> m_rules;
    bool m_readOnly = false;
};
