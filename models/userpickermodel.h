// The users a member dialog offers: filter-as-you-type over name, display name and e-mail,
// several ticked at once, the scope's members marked. Stays instant at tens of thousands of users.
#pragma once

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/memberscope.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <vector>

class UserPickerModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DisplayNameColumn, EmailColumn, MembershipColumn, ColumnCount };
    enum Role { UserNameRole = Qt::UserRole + 1, MemberRoleRole, IsMemberRole };
    // Add: every user, members shown ticked and greyed (they cannot be added twice).
    // Members: only the scope's members, all tickable (change their role, remove them).
    enum class Mode { Add, Members };

    struct Candidate {
        QString name;
        QString displayName;
        QString email;
        QString memberRole;    // the role(s) in the scope, "" when not a member
        bool member = false;
        bool userMissing = false;  // a member binding whose User object is gone
    };

    explicit UserPickerModel(QObject *parent = nullptr);

    // Replaces the list (sorted by name, natural order); ticks of users still listed are kept.
    void setCandidates(std::vector<Candidate> candidates, Mode mode);
    Mode mode() const { return m_mode; }
    // The snapshot's users with their membership of the scope (Members mode: only members).
    static std::vector<Candidate> candidatesFor(const kube::tenancy::GraphSnapshot &snapshot,
                                                const kube::tenancy::MemberScope &scope, Mode mode);
    // Role names of each User member of the scope (several when a user has several bindings).
    static QHash<QString, QStringList> membersOf(const kube::tenancy::GraphSnapshot &snapshot,
                                                 const kube::tenancy::MemberScope &scope);

    // Case-insensitive; each whitespace-separated word must occur in the name, display name or
    // e-mail. Typing on narrows the rows already shown instead of scanning every user again.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    int totalCount() const { return int(m_entries.size()); }
    int checkedCount() const { return m_checkedCount; }
    // Ticked users in list order (filtered-out ticks included: a search never drops a tick).
    QStringList checkedUsers() const;
    bool isChecked(const QString &user) const;
    // False when the user is unknown or cannot be ticked (a member, in Add mode).
    bool setChecked(const QString &user, bool checked);
    void setCheckedUsers(const QStringList &users);
    // Row of the user under the current filter, -1 when not shown.
    int rowOfUser(const QString &user) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedChanged();

private:
    struct Entry {
        Candidate candidate;
        QString haystack;  // case-folded "name\ndisplay name\ne-mail"
        bool checked = false;
    };
    bool tickable(const Entry &e) const { return m_mode == Mode::Members || !e.candidate.member; }
    bool matches(const Entry &e) const;
    // Fills m_scratch with the matching entries of `from` (all entries when null).
    void collect(const std::vector<int> *from);
    void setTick(Entry &e, bool checked);

    Mode m_mode = Mode::Add;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_byName;
    std::vector<int> m_visible;  // indexes into m_entries, in order
    std::vector<int> m_scratch;  // the next m_visible, kept to reuse its capacity
    QString m_filterText;
    QString m_folded;            // the filter as matched: simplified and case-folded
    QStringList m_terms;
    int m_checkedCount = 0;
};
