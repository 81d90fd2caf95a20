package zcbench.analysis.report;

import java.text.NumberFormat;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** Labels only segments wide enough to hold them (a tenth of the widest bar), so that none overlap. */
final class BigEnough extends StandardCategoryItemLabelGenerator {
    private static final long serialVersionUID = 1L;

    BigEnough(NumberFormat format) {
        super("{2}", format);
    }

    @Override
    public String generateLabel(CategoryDataset data, int row, int column) {
        Number v = data.getValue(row, column);
        double widest = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            double sum = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                Number x = data.getValue(r, c);
                sum += x == null ? 0 : x.doubleValue();
            }
            widest = Math.max(widest, sum);
        }
        return v == null || v.doubleValue() < widest / 10 ? null : super.generateLabel(data, row, column);
    }
}
