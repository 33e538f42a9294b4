//! The closed vocabularies of the format: organisation kinds, event and relationship kinds,
//! confidence levels, amount qualifiers and phase states.
//!
//! Each enum knows its JSON name (`as_str`), its reader-facing label and the full list of values, so
//! validation can say exactly which values are allowed and the legend can list every kind.

/// Defines a closed string enum with its JSON names and labels.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $json:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in the JSON file.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $json,)+ }
            }

            /// A short label for readers (legend, details).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses the JSON name.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($json => Some($name::$variant),)+ _ => None }
            }

            /// The allowed JSON names, quoted and comma-separated, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect::<Vec<_>>().join(", ")
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What an organisation is (its primary role; drives node colour).
    OrgKind {
        /// Builds frontier models.
        AiLab = "ai_lab", "AI lab";
        /// A hyperscale cloud provider.
        Cloud = "cloud", "Cloud provider";
        /// Makes AI chips.
        Chipmaker = "chipmaker", "Chipmaker";
        /// Designs chip architectures.
        ChipDesigner = "chip_designer", "Chip designer";
        /// Invests.
        Investor = "investor", "Investor";
        /// A person.
        Person = "person", "Person";
        /// A joint venture of others.
        JointVenture = "joint_venture", "Joint venture";
        /// A software company.
        Software = "software", "Software";
        /// Makes devices.
        DeviceMaker = "device_maker", "Device maker";
        /// A specialised GPU cloud.
        GpuCloud = "gpu_cloud", "GPU cloud";
        /// Anything else.
        Other = "other", "Other";
    }
}

vocabulary! {
    /// The kind of a relationship between two organisations (drives edge style).
    RelationKind {
        /// Equity, donations, funding.
        Investment = "investment", "Investment";
        /// Cloud or compute supply.
        CloudCompute = "cloud_compute", "Cloud / compute";
        /// A technology or IP licence.
        Licence = "licence", "Licence";
        /// One builds the other's models into products, or distributes them.
        ProductIntegration = "product_integration", "Product integration";
        /// Chip supply or chip collaboration.
        Chips = "chips", "Chips";
        /// A broad partnership or joint-venture membership.
        Partnership = "partnership", "Partnership";
        /// A share of revenue paid by one to the other.
        RevenueShare = "revenue_share", "Revenue share";
        /// A lawsuit, plaintiff to defendant.
        Lawsuit = "lawsuit", "Lawsuit";
        /// A dispute short of a lawsuit.
        Dispute = "dispute", "Dispute";
        /// Board roles, founding, ownership.
        Governance = "governance", "Governance";
        /// Open competition (derived from several events).
        Competition = "competition", "Competition";
    }
}

vocabulary! {
    /// The kind of an event; the relationship kinds plus product launches.
    EventKind {
        /// Equity, donations, funding.
        Investment = "investment", "Investment";
        /// Cloud or compute supply.
        CloudCompute = "cloud_compute", "Cloud / compute";
        /// A technology or IP licence.
        Licence = "licence", "Licence";
        /// Models built into products or distributed.
        ProductIntegration = "product_integration", "Product integration";
        /// A product launch.
        ProductLaunch = "product_launch", "Product launch";
        /// Chip supply or chip collaboration.
        Chips = "chips", "Chips";
        /// A broad partnership.
        Partnership = "partnership", "Partnership";
        /// Revenue sharing.
        RevenueShare = "revenue_share", "Revenue share";
        /// A lawsuit.
        Lawsuit = "lawsuit", "Lawsuit";
        /// A dispute short of a lawsuit.
        Dispute = "dispute", "Dispute";
        /// Board, founding, structure.
        Governance = "governance", "Governance";
        /// Competition.
        Competition = "competition", "Competition";
    }
}

vocabulary! {
    /// How sure the data is of a fact.
    ConfidenceLevel {
        /// Two or more independent sources agree.
        Confirmed = "confirmed", "Confirmed";
        /// Press reports, not confirmed by the companies.
        Reported = "reported", "Reported";
        /// Only one source was found.
        SingleSource = "single_source", "Single source";
        /// Sources disagree; the alternatives are listed.
        Conflicting = "conflicting", "Conflicting";
    }
}

vocabulary! {
    /// What kind of figure an amount is.
    AmountQualifier {
        /// A ceiling or conditional commitment, not money paid.
        UpTo = "up_to", "up to";
        /// An approximate figure.
        Approximately = "approximately", "about";
        /// A lower bound.
        MoreThan = "more_than", "more than";
        /// A press figure, not confirmed by the companies.
        Reported = "reported", "reported";
        /// Pledged, not necessarily paid.
        Pledged = "pledged", "pledged";
        /// Planned.
        Planned = "planned", "planned";
        /// Depends on conditions.
        Conditional = "conditional", "conditional";
        /// A company valuation, not money moved.
        Valuation = "valuation", "valuation";
        /// An outside estimate of an undisclosed figure.
        UndisclosedEstimate = "undisclosed_estimate", "estimate of an undisclosed figure";
    }
}

vocabulary! {
    /// The state of a relationship phase (drives the drawing).
    PhaseState {
        /// In force.
        Active = "active", "Active";
        /// Announced but stalled.
        Stalled = "stalled", "Stalled";
        /// Under dispute.
        Disputed = "disputed", "Disputed";
        /// A historical tie with no later information.
        Historical = "historical", "Historical";
    }
}

vocabulary! {
    /// What a recorded conflict between sources is about.
    ConflictAbout {
        /// The date.
        Date = "date", "Date";
        /// An amount.
        Amount = "amount", "Amount";
        /// Another detail.
        Detail = "detail", "Detail";
    }
}

impl ConfidenceLevel {
    /// Weakest first: conflicting < single source < reported < confirmed.
    pub fn strength(self) -> u8 {
        match self {
            ConfidenceLevel::Conflicting => 0,
            ConfidenceLevel::SingleSource => 1,
            ConfidenceLevel::Reported => 2,
            ConfidenceLevel::Confirmed => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in RelationKind::ALL {
            assert_eq!(RelationKind::parse(k.as_str()), Some(*k));
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(OrgKind::parse("bank"), None);
        assert!(OrgKind::expected().starts_with("\"ai_lab\", \"cloud\""));
    }
}
