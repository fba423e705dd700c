package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryExportTest {

    @Test
    void one_row_per_epoch_with_missing_validation_left_empty() {
        // when:
        String csv = HistoryExport.toCsv(ModelFixtures.HISTORY);

        // then:
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds\n"
                + "1,1.05,0.5,,,1.25\n"
                + "2,0.75,0.625,0.8,0.75,1.5\n", csv);
    }

    @Test
    void no_epochs_give_the_header_alone() {
        assertEquals(HistoryExport.CSV_HEADER + "\n", HistoryExport.toCsv(List.of()));
    }
}
