// CheckedRowsEditor: cells are edited in place on any trigger; the problem line follows the
// model's problemsChanged, so the dialog only has to refresh its plan.
#include "views/checkedrowseditor.h"
#include "views/tonestyle.h"

#include "models/checkedrowsmodel.h"
#include "views/namededitordelegate.h"
#include "views/resourcecombodelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

CheckedRowsEditor::CheckedRowsEditor(CheckedRowsBase *model, int resourceColumn, const QStringList &resources,
                                     std::function<int()> addRow, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView)
    , m_problem(new QLabel)
    , m_add(new QPushButton(tr("&Add row")))
    , m_remove(new QPushButton(tr("&Remove row")))
{
    m_table->setModel(model);
    m_table->setItemDelegate(new NamedEditorDelegate(m_table));
    // Arrows move between cells; Tab goes on to the buttons (Qt's tables wrap round otherwise).
    m_table->setTabKeyNavigation(false);
    m_table->setItemDelegateForColumn(resourceColumn, new ResourceComboDelegate(resources, m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_add->setObjectName(QStringLiteral("addRow"));
    m_remove->setObjectName(QStringLiteral("removeRow"));
    m_problem->setWordWrap(true);
    ToneStyle::setText(m_problem, ThemeColors::Tone::Error);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);

    connect(m_add, &QPushButton::clicked, this, [this, model, resourceColumn, addRow = std::move(addRow)] {
        const int row = addRow();
        m_table->setCurrentIndex(model->index(row, resourceColumn));
        m_table->edit(m_table->currentIndex());
    });
    connect(m_remove, &QPushButton::clicked, this, [this, model] {
        if (const QModelIndex current = m_table->currentIndex(); current.isValid())
            model->removeRow(current.row());
    });
    connect(model, &CheckedRowsBase::problemsChanged, this, [this, model] {
        m_problem->setText(model->firstProblem());
        emit checked();
    });
    m_problem->setText(model->firstProblem());
}
