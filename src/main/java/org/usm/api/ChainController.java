package org.usm.api;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usm.chain.ChainCsv;
import org.usm.chain.ChainFigures;

/** Chain figures per service and pattern over a period, of the calls the user may read; as JSON or CSV. */
@RestController
public class ChainController {

  private final ChainFigures figures;

  public ChainController(ChainFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/api/kpis")
  public ResponseEntity<?> kpis(@RequestParam Map<String, String> parameters) {
    Map<String, String> filters = new HashMap<>(parameters);
    ExportFormat format = ExportFormat.of(filters.remove(ExportFormat.PARAMETER));
    ChainFigures.Figures answer = figures.of(filters);
    return format == ExportFormat.JSON ? ResponseEntity.ok(answer)
        : ExportFormat.download("chain-" + answer.from() + "-" + answer.to() + ".csv", ChainCsv.write(answer));
  }
}
