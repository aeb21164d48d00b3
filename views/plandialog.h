// The dialog every tenancy write goes through: a form (or just a question), then the plan as
// YAML, a Dry run on the server, and Apply only after confirmation. Server errors appear in
// the dialog with the server's message; what the user typed stays until they close it.
#pragma once

#include "models/accessquery.h"
#include "models/planrunner.h"
#include "models/themecolors.h"

#include <QDialog>
#include <QTimer>

#include <functional>
#include <optional>

class AccessChecker;
class PlanImpact;
class QCheckBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    PlanDialog(PlanRunner *runner, const QString &title, QWidget *parent = nullptr);

    void setDescription(const QString &text);
    void setForm(QWidget *form);
    // Builds the operation from the form; an empty Operation means the form is incomplete
    // (the message says what is missing).
    using OperationFactory = std::function<PlanRunner::Operation(QString *problem)>;
    void setOperationFactory(OperationFactory factory);
    // The permission Apply needs: denied -> Apply disabled, the tooltip names the permission.
    void setRequiredPermission(AccessChecker *access, const AccessQuery &query);
    // Asks before applying; the default shows a message box. Tests answer here.
    void setConfirmHook(std::function<bool(const QString &question)> hook);
    // Plans at once when the dialog opens (delete / enable / disable: nothing to type first).
    void setPreviewOnOpen(bool preview) { m_previewOnOpen = preview; }

    QPlainTextEdit *planView() const { return m_plan; }
    // The three views of a plan: the writes as YAML, each object's field changes against the
    // live one, and who gains or loses which permissions.
    enum PlanTab { WritesTab, ChangesTab, ImpactTab };
    QTabWidget *planTabs() const { return m_tabs; }
    // Form (0) above, plan (1) below; a dialog with a large form gives the form more stretch.
    QSplitter *splitter() const { return m_splitter; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QTableView *impactView() const { return m_impactView; }
    QLabel *impactLabel() const { return m_impactLabel; }
    // "The server will refuse …": the plan's writes the identity may not make (escalation).
    QLabel *planEscalationLabel() const { return m_escalation; }
    PlanImpact *impact() const { return m_impact; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    PlanRunner *runner() const { return m_runner; }
    // Shown when the plan deletes objects KubeSphere finalizers would hold (no KubeSphere
    // controller releases them): checked, the plan is made again with their removal.
    QCheckBox *removeFinalizersBox() const { return m_removeFinalizers; }

public slots:
    void preview();
    void dryRun();
    void apply();
    // Subclasses call this when a field changes: the shown plan no longer matches the form.
    void formChanged();
    void reject() override;

signals:
    void applied();

protected:
    void showEvent(QShowEvent *event) override;
    // Asked when the user clicks Apply, before anything is planned or confirmed: a subclass
    // asks its own question (through confirm()) and returns false to stop.
    virtual bool beforeApply() { return true; }
    // The confirm hook when set, else a Yes/No message box.
    bool confirm(const QString &question);

private:
    enum class Next { Nothing, DryRun, Apply };
    void planThen(Next next);
    void onPlanned(const QString &yaml, const QString &summary);
    void onDiff(const QString &text, bool exact);
    void onImpact();
    // Computes the impact of the current plan now (the tab is shown, or the data is live anyway).
    void computeImpact();
    void onFailed(const QString &message, const QString &hint);
    void onExecuted(bool dryRun, bool ok, const QString &report, const QString &error, bool conflict, int notChecked);
    void setStatus(const QString &text, std::optional<ThemeColors::Tone> tone = std::nullopt);
    void updateButtons();

    PlanRunner *m_runner;
    QVBoxLayout *m_formHost;
    QLabel *m_description;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_plan;
    QPlainTextEdit *m_diff;
    QLabel *m_diffLabel;
    QLabel *m_impactLabel;
    QLabel *m_escalation;
    bool m_impactPending = false;
    QTableView *m_impactView;
    PlanImpact *m_impact;
    QLabel *m_status;
    QPushButton *m_previewButton;
    QPushButton *m_dryRunButton;
    QPushButton *m_applyButton;
    QPushButton *m_forceButton;
    QPushButton *m_closeButton;
    QCheckBox *m_removeFinalizers;
    OperationFactory m_factory;
    std::function<bool(const QString &)> m_confirm;
    AccessChecker *m_access = nullptr;
    AccessQuery m_query;
    bool m_planFresh = false;
    bool m_previewOnOpen = false;
    bool m_opened = false;
    Next m_next = Next::Nothing;
    QTimer m_progress;       // polls the runner's write count while it executes
    bool m_executing = false;
    QString m_executingText;
};
