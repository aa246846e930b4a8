package ca.ptm.nocturne.imports;

import ca.ptm.nocturne.imports.contracts.ContractConverter;
import ca.ptm.nocturne.imports.contracts.ContractTarget;
import ca.ptm.nocturne.imports.contracts.InstallmentConverter;
import ca.ptm.nocturne.imports.contracts.InstallmentTarget;
import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.pda.PdaRequestConverter;
import ca.ptm.nocturne.imports.pda.PdaRequestTarget;
import ca.ptm.nocturne.imports.supplies.ProductConverter;
import ca.ptm.nocturne.imports.supplies.ProductDisplayConverter;
import ca.ptm.nocturne.imports.supplies.ProductDisplayTarget;
import ca.ptm.nocturne.imports.supplies.ProductTarget;
import ca.ptm.nocturne.imports.supplies.StockMovementConverter;
import ca.ptm.nocturne.imports.supplies.StockMovementTarget;
import ca.ptm.nocturne.imports.supplies.SupplyReferences;
import ca.ptm.nocturne.imports.supplies.TechnicianStockConverter;
import ca.ptm.nocturne.imports.supplies.TechnicianStockTarget;
import ca.ptm.nocturne.imports.venue.VenuePianoConverter;
import ca.ptm.nocturne.imports.venue.VenuePianoTarget;
import ca.ptm.nocturne.imports.writing.ImportTarget;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import ca.ptm.nocturne.reference.RoomDirectory;
import ca.ptm.nocturne.reference.TechnicianDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** For each kind of legacy file, the converter that applies its rules and the target that writes its table. */
@Component
public class ImportKinds {

    private final JdbcTemplate jdbc;
    private final RoomDirectory rooms;
    private final TechnicianDirectory technicians;
    private final InstitutionDirectory institutions;
    private final ImportProperties properties;

    public ImportKinds(JdbcTemplate jdbc, RoomDirectory rooms, TechnicianDirectory technicians,
                       InstitutionDirectory institutions, ImportProperties properties) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.technicians = technicians;
        this.institutions = institutions;
        this.properties = properties;
    }

    public RowConverter<?> converter(FileKind kind) {
        SupplyReferences references = new SupplyReferences(jdbc, technicians);
        return switch (kind) {
            case PRODUCT -> new ProductConverter();
            case PRODUCT_DISPLAY -> new ProductDisplayConverter(references);
            case TECHNICIAN_STOCK -> new TechnicianStockConverter(references);
            case STOCK_MOVEMENT -> new StockMovementConverter(references);
            case VENUE_PIANO -> new VenuePianoConverter(institutions, rooms);
            case PDA_REQUEST -> new PdaRequestConverter(rooms, technicians, properties.highAmountWarning());
            case CONTRACT -> new ContractConverter(institutions, jdbc);
            case CONTRACT_INSTALLMENT -> new InstallmentConverter(institutions, jdbc);
        };
    }

    public ImportTarget<?> target(FileKind kind) {
        return switch (kind) {
            case PRODUCT -> new ProductTarget(jdbc);
            case PRODUCT_DISPLAY -> new ProductDisplayTarget(jdbc);
            case TECHNICIAN_STOCK -> new TechnicianStockTarget(jdbc);
            case STOCK_MOVEMENT -> new StockMovementTarget(jdbc);
            case VENUE_PIANO -> new VenuePianoTarget(jdbc);
            case PDA_REQUEST -> new PdaRequestTarget(jdbc);
            case CONTRACT -> new ContractTarget(jdbc);
            case CONTRACT_INSTALLMENT -> new InstallmentTarget(jdbc);
        };
    }
}
