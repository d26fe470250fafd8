package org.usm.servicedesk;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service desk's reads over the product API (HTTP Basic, as every {@code /api} endpoint): the catalogue
 * and the requester search. My calls is {@code GET /api/calls?party=me}; registering is {@code POST /api/calls}.
 */
@RestController
@RequestMapping("/api")
public class ServiceDeskController {

  private final ServiceDesk desk;

  public ServiceDeskController(ServiceDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/catalogue")
  public List<Catalogue.Entry> catalogue() {
    return desk.catalogue();
  }

  @GetMapping("/requesters")
  public List<ServiceDesk.Requester> requesters(@RequestParam(required = false) String search) {
    return desk.requesters(search);
  }

  /** Who the user is and what the service desk page offers them. */
  @GetMapping("/service-desk/me")
  public ServiceDesk.Me me() {
    return desk.me();
  }
}
