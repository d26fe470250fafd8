package org.usm.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usm.chain.ChainFigures;

/** Chain figures per service and pattern over a period, of the calls the user may read. */
@RestController
public class ChainController {

  private final ChainFigures figures;

  public ChainController(ChainFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/api/kpis")
  public ChainFigures.Figures kpis(@RequestParam Map<String, String> parameters) {
    return figures.of(parameters);
  }
}
