// The "Trace request" form and its answer: identity (me or a user, extra groups), verb,
// resource (a type or a /path), namespace, name, the view and a pod's requests; below, the
// verdict, any disagreement with the server in red, and each stage with its explanation.
// Passive: it hands the form to a TraceModel and shows what comes back; a refused form keeps
// every field as typed and names the field at fault.
#pragma once

#include "kubeclient/trace/traceform.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeView;
class TraceModel;

class TraceWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit TraceWidget(TraceModel *model, QWidget *parent = nullptr);

    // Fills the form (a matrix cell, or a preset) without tracing.
    void setForm(const kube::trace::TraceForm &form);
    kube::trace::TraceForm form() const;
    // Offered in the pickers.
    void setNamespaces(const QStringList &namespaces);
    void setResources(const QStringList &resources);
    void setUsers(const QStringList &users);

    TraceModel *model() const { return m_model; }
    QComboBox *userBox() const { return m_user; }
    QLineEdit *groupsEdit() const { return m_groups; }
    QComboBox *verbBox() const { return m_verb; }
    QComboBox *resourceBox() const { return m_resource; }
    QComboBox *namespaceBox() const { return m_namespace; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *viewBox() const { return m_view; }
    QLineEdit *requestsEdit() const { return m_requests; }
    QPushButton *traceButton() const { return m_trace; }
    // Shown once a trace has run for half a second: an activity bar and Cancel.
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *disagreementLabel() const { return m_disagreement; }
    QLabel *errorLabel() const { return m_error; }
    QTreeView *stageView() const { return m_stages; }

public slots:
    void runTrace();

private:
    void onFinished();
    void copyText();

    TraceModel *m_model;
    QComboBox *m_user;
    QLineEdit *m_groups;
    QComboBox *m_verb;
    QComboBox *m_resource;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    QComboBox *m_view;
    QLineEdit *m_requests;
    QPushButton *m_trace;
    QPushButton *m_cancel;
    QProgressBar *m_busy;
    QTimer *m_busyDelay;
    void setBusy(bool busy);
    QLabel *m_error;
    QLabel *m_verdict;
    QLabel *m_disagreement;
    QTreeView *m_stages;
};
