// The audit viewer: its sources (files, the journal, the cluster's Events, follow), a filter
// bar, the histogram over time (drag to select a range), the table of events and the selected
// event's detail (its fields, the request and response objects when the level recorded them,
// the JSON as read), a progress bar with Cancel while indexing and a status line.
#pragma once

#include "models/auditeventmodel.h"

#include "kubeclient/audit/auditevent.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AuditHistogramWidget;
class AuditLog;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;
class QToolButton;
class QTreeWidget;

class AuditWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditWidget(AuditLog *log, AuditEventModel *model, QWidget *parent = nullptr);

    // Pre-fills the filter (the "Audit events…" of a workspace, project or user) and applies it.
    void presetFilter(const QString &workspace, const QString &project, const QString &user);
    // The filter as the bar shows it (time range from the histogram included).
    kube::audit::AuditFilter filterFromBar() const;
    // Workspaces and projects offered in the filter bar (the tenancy graph's).
    void setTenancyNames(const QStringList &workspaces, const QStringList &projects);
    // Cluster Events need a connected cluster: the window says whether there is one.
    void setClusterEventsAvailable(bool available, const QString &why = {});

    // Export the events the table shows (what the filter matched) to a file.
    void exportTo(const QString &path, bool csv);

    AuditLog *log() const { return m_log; }
    AuditEventModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    AuditHistogramWidget *histogram() const { return m_histogram; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *verbEdit() const { return m_verb; }
    QLineEdit *resourceEdit() const { return m_resource; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *textEdit() const { return m_text; }
    QComboBox *workspaceBox() const { return m_workspace; }
    QComboBox *projectBox() const { return m_project; }
    QComboBox *decisionBox() const { return m_decision; }
    QComboBox *sourceBox() const { return m_source; }
    QComboBox *sinceBox() const { return m_since; }
    QCheckBox *followBox() const { return m_follow; }
    QPushButton *addFilesButton() const { return m_addFiles; }
    QPushButton *journalButton() const { return m_journal; }
    QPushButton *eventsButton() const { return m_events; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *openInTreeButton() const { return m_openInTree; }
    QPushButton *clearTimeButton() const { return m_clearTime; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *sourcesLabel() const { return m_sources; }
    QLabel *filterError() const { return m_filterError; }
    QTabWidget *detailTabs() const { return m_detailTabs; }
    QTreeWidget *detailFields() const { return m_fields; }
    QPlainTextEdit *requestView() const { return m_request; }
    QPlainTextEdit *responseView() const { return m_response; }
    QPlainTextEdit *jsonView() const { return m_json; }
    // The value of a field in the detail ("Verb", "User"...), "" when not shown.
    QString detailValue(const QString &field) const;
    // The event whose detail is shown (after it was read), or -1.
    qint64 detailRowId() const { return m_detailId; }

signals:
    void clusterEventsRequested();
    // "Open this object in the tree".
    void openInTree(NodeKind kind, const QString &name);
    // Export finished: "" or the error.
    void exported(const QString &path, const QString &error);
    // The detail of the current event was read and shown.
    void detailShown(qint64 rowId);

private:
    void buildSourceBar(class QBoxLayout *layout);
    void buildFilterBar(class QBoxLayout *layout);
    void applyFilter();
    void scheduleFilter();
    void onQueried();
    void onProgress();
    void onBusyChanged(bool busy);
    void updateSources();
    void updateStatus();
    void showCurrent();
    void showEvent(kube::audit::RowId id, const kube::Result<kube::audit::AuditEvent> &event);
    void clearDetail(const QString &why = {});
    void refreshCompletions();
    void chooseFiles();
    void chooseExport();

    QPointer<AuditLog> m_log;
    QPointer<AuditEventModel> m_model;
    QPushButton *m_addFiles;
    QPushButton *m_journal;
    QPushButton *m_events;
    QCheckBox *m_follow;
    QLabel *m_sources;
    QComboBox *m_workspace;
    QComboBox *m_project;
    QLineEdit *m_user;
    QLineEdit *m_verb;
    QLineEdit *m_resource;
    QLineEdit *m_name;
    QComboBox *m_decision;
    QLineEdit *m_code;
    QComboBox *m_source;
    QComboBox *m_since;
    QLineEdit *m_text;
    QLabel *m_filterError;
    QLabel *m_timeLabel;
    QPushButton *m_clearTime;
    AuditHistogramWidget *m_histogram;
    QTableView *m_table;
    QTabWidget *m_detailTabs;
    QTreeWidget *m_fields;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QPlainTextEdit *m_json;
    QPushButton *m_openInTree;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    QTimer m_filterDelay;
    std::optional<qint64> m_rangeFrom, m_rangeTo;  // the histogram's selection
    qint64 m_detailId = -1;
    std::optional<AuditEventModel::TreeTarget> m_detailTarget;
    quint64 m_detailRequest = 0;
};
