// EditProjectDialog: starts from the values the snapshot holds; an emptied field removes its
// annotation. The description counter turns red past the limit instead of cutting the text.
#include "views/editprojectdialog.h"
#include "views/tonestyle.h"

#include "models/tenancyoperations.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace kube::tenancy;

EditProjectDialog::EditProjectDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &project, QWidget *parent)
    : PlanDialog(runner, tr("Edit project %1").arg(project), parent)
    , m_project(project)
    , m_alias(new QLineEdit)
    , m_description(new QPlainTextEdit)
    , m_counter(new QLabel)
{
    setObjectName(QStringLiteral("editProjectDialog"));
    m_alias->setObjectName(QStringLiteral("alias"));
    m_alias->setMaxLength(kMaxAlias);
    m_alias->setPlaceholderText(tr("a display name, at most %1 characters").arg(kMaxAlias));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("what the project is for"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_counter->setAlignment(Qt::AlignRight);
    QString workspace = tr("(none: a namespace outside any workspace)");
    if (const auto p = snapshot.project(project.toStdString())) {
        m_alias->setText(QString::fromStdString(p->alias));
        m_description->setPlainText(QString::fromStdString(p->description));
        if (!p->workspace.empty())
            workspace = QString::fromStdString(p->workspace);
    }
    auto *name = new QLabel(project);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ws = new QLabel(workspace);
    ws->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Name:"), name);
    layout->addRow(tr("Workspace:"), ws);
    layout->addRow(tr("A&lias:"), m_alias);
    auto *descriptionBox = new QWidget;
    auto *descriptionLayout = new QVBoxLayout(descriptionBox);
    descriptionLayout->setContentsMargins(0, 0, 0, 0);
    descriptionLayout->setSpacing(2);
    descriptionLayout->addWidget(m_description);
    descriptionLayout->addWidget(m_counter);
    layout->addRow(tr("&Description:"), descriptionBox);
    static_cast<QLabel *>(layout->labelForField(descriptionBox))->setBuddy(m_description);
    // The label is no sibling of the field (the counter's box is between), so QAccessible does
    // not find it: the name is said outright.
    m_description->setAccessibleName(tr("Description"));
    setForm(form);
    setDescription(tr("The alias is the name KubeSphere's console shows. Only these two annotations of the namespace "
                      "change; its labels, members and other annotations stay."));
    connect(m_alias, &QLineEdit::textChanged, this, &PlanDialog::formChanged);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        updateCounter();
        formChanged();
    });
    updateCounter();
    resize(720, 520);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        return s ? TenancyOperations::editProject(std::move(*s)) : PlanRunner::Operation();
    });
}

void EditProjectDialog::updateCounter()
{
    const int n = int(m_description->toPlainText().trimmed().toUcs4().size());
    m_counter->setText(tr("%1 / %2").arg(n).arg(kMaxDescription));
    ToneStyle::setText(m_counter, n > kMaxDescription ? std::optional(ThemeColors::Tone::Error) : std::nullopt);
}

std::optional<ProjectSpec> EditProjectDialog::spec(QString *problem) const
{
    ProjectSpec spec;
    spec.name = m_project.toStdString();
    const QString alias = m_alias->text().trimmed();
    const QString description = m_description->toPlainText().trimmed();
    if (description.toUcs4().size() > kMaxDescription) {
        *problem = tr("The description is %n character(s) long; at most %1 are allowed.", nullptr,
                      int(description.toUcs4().size()))
                       .arg(kMaxDescription);
        return std::nullopt;
    }
    spec.alias = alias.toStdString();
    spec.description = description.toStdString();
    return spec;
}
