// A window of its own for tracing one request on a cluster (View → Trace request…,
// Ctrl+Shift+T, and "Trace this request…" on a permission matrix cell): the form and the
// stages of the answer, the trace run on a worker against the window's cluster.
#pragma once

#include "kubeclient/trace/traceform.h"

#include <QMainWindow>
#include <QPointer>

class ClusterSession;
class TraceModel;
class TraceWidget;

class TraceWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit TraceWindow(ClusterSession *session, QWidget *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    TraceModel *model() const { return m_model; }
    TraceWidget *widget() const { return m_widget; }

    // Fills the form and traces at once (a matrix cell's request).
    void traceNow(const kube::trace::TraceForm &form);

private:
    void refreshChoices();

    QPointer<ClusterSession> m_session;
    TraceModel *m_model;
    TraceWidget *m_widget;
};
