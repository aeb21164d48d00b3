// The permission workbench: pick a subject (typed or from the cluster, plus "me", plus extra
// groups as --as-group adds them), a scope and a view; read the matrix; select a cell to see
// why (every path, or what is missing), who else can, the risks of the scope, and verify the
// shown cells with the API server. Used as the Permissions tab of the detail area and as the
// body of a Permissions window (live cluster or offline manifests).
#pragma once

#include "models/permissionworkbench.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class BusyIndicator;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

class PermissionWorkbenchWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionWorkbenchWidget(QWidget *parent = nullptr);

    // The data to work on (not owned). Nothing is computed until the widget is shown.
    void setSource(PermissionSource *source);
    // A source made on first show (a live session starts its RBAC watches only then); `key`
    // names it, so the same key keeps the current source.
    void setSourceProvider(const QString &key, std::function<PermissionSource *()> provider);
    PermissionSource *source() const { return m_source; }
    // Presets from the tree: a subject node fills the subject, a scope node the scope.
    void presetSubject(const QString &subject);
    void presetScope(PermissionWorkbench::ScopeKind kind, const QString &name = {});
    void presetView(kube::rbac::View view);
    // Shows the Risks page and scans the current scope (the Dashboard's risk bars open this).
    void showRisks();

    PermissionWorkbench *workbench() const { return m_workbench; }
    QTableView *table() const { return m_table; }
    QComboBox *subjectBox() const { return m_subject; }
    QLineEdit *groupsEdit() const { return m_groups; }
    QComboBox *compareBox() const { return m_compare; }
    QComboBox *scopeKindBox() const { return m_scopeKind; }
    QComboBox *scopeNameBox() const { return m_scopeName; }
    QComboBox *viewBox() const { return m_view; }
    QComboBox *layoutBox() const { return m_layout; }
    QComboBox *resourceBox() const { return m_resource; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *onlyAllowedBox() const { return m_onlyAllowed; }
    QCheckBox *onlyRiskyBox() const { return m_onlyRisky; }
    QCheckBox *onlyDifferingBox() const { return m_onlyDiffering; }
    QLabel *bannerLabel() const { return m_banner; }
    QLabel *titleLabel() const { return m_title; }
    QTabWidget *answerTabs() const { return m_answers; }
    QPlainTextEdit *whyText() const { return m_why; }
    QListWidget *pathList() const { return m_paths; }
    QTableView *whoCanTable() const { return m_whoCanTable; }
    QTableView *riskTable() const { return m_riskTable; }
    QPushButton *verifyButton() const { return m_verifyButton; }
    QLabel *verifySummary() const { return m_verifySummary; }
    QPlainTextEdit *verifyDetails() const { return m_verifyDetails; }
    QLineEdit *whoCanVerbEdit() const { return m_whoVerb; }
    QLineEdit *whoCanResourceEdit() const { return m_whoResource; }
    QPushButton *whoCanButton() const { return m_whoButton; }
    QPushButton *riskButton() const { return m_riskButton; }

    // Writes the shown matrix; false with `error` set when the file cannot be written.
    bool exportTo(const QString &path, QString *error = nullptr);

signals:
    // A binding or role of a path, to be shown as YAML / selected in the tree.
    void openObject(const PathObject &object);
    void showInTree(const PathObject &object);
    // "Trace this request…" on a cell: the cell's request as a trace form (issue 15).
    void traceRequested(const kube::trace::TraceForm &form);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makeAnswers();
    void activate();
    void submitQuery();
    void applyFilter();
    void onComputed();
    void onCurrentChanged(const QModelIndex &current);
    void refreshPickers();
    void updateBanner();
    void updateScopeNames();
    void showContextMenu(const QPoint &pos);
    void copyExplanation();
    void exportDialog(bool json);

    QPointer<PermissionSource> m_source;
    QString m_providerKey;
    std::function<PermissionSource *()> m_provider;
    PermissionWorkbench *m_workbench;
    bool m_active = false;

    QComboBox *m_subject;
    QLineEdit *m_groups;
    QComboBox *m_compare;
    QComboBox *m_scopeKind;
    QComboBox *m_scopeName;
    QComboBox *m_view;
    QComboBox *m_layout;
    QComboBox *m_resource;
    QLineEdit *m_filter;
    QCheckBox *m_onlyAllowed;
    QCheckBox *m_onlyRisky;
    QCheckBox *m_onlyDiffering;
    QToolButton *m_exportButton;
    QLabel *m_status;
    BusyIndicator *m_busy = nullptr;  // after half a second of computing
    QToolButton *m_recompute = nullptr;  // shown after a cancel
    QLabel *m_banner;
    QLabel *m_title;
    QTableView *m_table;
    QTabWidget *m_answers;
    QPlainTextEdit *m_why;
    QListWidget *m_paths;
    QLineEdit *m_whoVerb;
    QLineEdit *m_whoResource;
    QPushButton *m_whoButton;
    QLabel *m_whoQuestion;
    QTableView *m_whoCanTable;
    QPushButton *m_riskButton;
    QWidget *m_riskPage = nullptr;
    QLabel *m_riskSummary;
    QTableView *m_riskTable;
    QPushButton *m_verifyButton;
    QLabel *m_verifySummary;
    QPlainTextEdit *m_verifyDetails;
    QTimer *m_typing;  // typed subject / scope / filter text settles before a question is asked

    QStringList m_shownSubjects;  // what the subject pickers list now
    // The selected cell, restored after each recompute: scope, resource, subject, column.
    QString m_keepScope, m_keepResource, m_keepSubject;
    int m_keepColumn = -1;
};
