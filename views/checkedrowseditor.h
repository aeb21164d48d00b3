// The editing half of the quota and container-defaults dialogs: the table over a checked-rows
// model, Add row / Remove row, and the first problem the engine's rule found, named below.
#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class CheckedRowsBase;
class QLabel;
class QPushButton;
class QTableView;

class CheckedRowsEditor final : public QWidget
{
    Q_OBJECT
public:
    // addRow appends an empty row to the model and returns its index; a new row is edited at
    // resourceColumn, whose cells offer `resources` in an editable combo.
    CheckedRowsEditor(CheckedRowsBase *model, int resourceColumn, const QStringList &resources, std::function<int()> addRow,
                      QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

signals:
    // The rows were checked again (the problem text is up to date).
    void checked();

private:
    QTableView *m_table;
    QLabel *m_problem;
    QPushButton *m_add;
    QPushButton *m_remove;
};
