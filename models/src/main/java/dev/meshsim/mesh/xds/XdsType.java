package dev.meshsim.mesh.xds;

/** The four xDS resource types meshsim models, in istiod's push order ({@code PushOrder}, ads.go). */
public enum XdsType {
  CDS,
  EDS,
  LDS,
  RDS
}
