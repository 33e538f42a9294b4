//! Groups of kinds that readers need not tell apart: the network draws relationship kinds in seven
//! colours and organisation kinds in five, so every colour on the page can be told from every other
//! one, also by readers with a colour-vision deficiency (see `scene::palette`).
//!
//! The format keeps its eleven relationship kinds (details and exports still name them); a group is
//! what the colour, the filter chips and the key speak about.
//!
//! ```
//! use powershift_core::model::{RelationGroup, RelationKind};
//! assert_eq!(RelationKind::Lawsuit.group(), RelationGroup::Conflict);
//! assert_eq!(RelationGroup::Conflict.kinds(), &[RelationKind::Lawsuit, RelationKind::Dispute, RelationKind::Competition]);
//! ```

use super::kinds::{OrgKind, RelationKind};

vocabulary! {
    /// A colour of the network's lines: one or more relationship kinds.
    RelationGroup {
        /// Investments and revenue shares.
        Money = "money", "Money";
        /// Cloud and compute supply.
        Cloud = "cloud", "Cloud";
        /// Chip supply and chip collaboration.
        Chips = "chips", "Chips";
        /// Licences and product integrations.
        Products = "products", "Products & licences";
        /// Broad partnerships and joint ventures.
        Partnership = "partnership", "Partnership";
        /// Board roles, founding, ownership.
        Governance = "governance", "Governance";
        /// Lawsuits, disputes and open competition.
        Conflict = "conflict", "Conflict";
    }
}

vocabulary! {
    /// A colour of the network's discs: one or more organisation kinds.
    OrgGroup {
        /// Frontier model builders.
        AiLab = "ai_lab", "AI lab";
        /// Clouds (hyperscale and GPU) and software companies.
        Cloud = "cloud", "Cloud & software";
        /// Chipmakers and chip designers.
        Chips = "chips", "Chips";
        /// Investors and joint ventures.
        Investor = "investor", "Investor or venture";
        /// People, device makers, anything else.
        Other = "other", "Other";
    }
}

impl RelationKind {
    /// The group, and so the colour, of this kind.
    pub fn group(self) -> RelationGroup {
        match self {
            RelationKind::Investment | RelationKind::RevenueShare => RelationGroup::Money,
            RelationKind::CloudCompute => RelationGroup::Cloud,
            RelationKind::Chips => RelationGroup::Chips,
            RelationKind::Licence | RelationKind::ProductIntegration => RelationGroup::Products,
            RelationKind::Partnership => RelationGroup::Partnership,
            RelationKind::Governance => RelationGroup::Governance,
            RelationKind::Lawsuit | RelationKind::Dispute | RelationKind::Competition => RelationGroup::Conflict,
        }
    }
}

impl RelationGroup {
    /// The relationship kinds of this group, in the format's order.
    pub fn kinds(self) -> &'static [RelationKind] {
        use RelationKind as K;
        match self {
            RelationGroup::Money => &[K::Investment, K::RevenueShare],
            RelationGroup::Cloud => &[K::CloudCompute],
            RelationGroup::Chips => &[K::Chips],
            RelationGroup::Products => &[K::Licence, K::ProductIntegration],
            RelationGroup::Partnership => &[K::Partnership],
            RelationGroup::Governance => &[K::Governance],
            RelationGroup::Conflict => &[K::Lawsuit, K::Dispute, K::Competition],
        }
    }
}

impl OrgKind {
    /// The group, and so the colour, of this kind.
    pub fn group(self) -> OrgGroup {
        match self {
            OrgKind::AiLab => OrgGroup::AiLab,
            OrgKind::Cloud | OrgKind::GpuCloud | OrgKind::Software => OrgGroup::Cloud,
            OrgKind::Chipmaker | OrgKind::ChipDesigner => OrgGroup::Chips,
            OrgKind::Investor | OrgKind::JointVenture => OrgGroup::Investor,
            OrgKind::Person | OrgKind::DeviceMaker | OrgKind::Other => OrgGroup::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relationship_kind_is_in_exactly_the_group_that_lists_it() {
        for k in RelationKind::ALL {
            let holders: Vec<_> = RelationGroup::ALL.iter().filter(|g| g.kinds().contains(k)).collect();
            assert_eq!(holders, vec![&k.group()], "{k}");
        }
    }

    #[test]
    fn conflict_merges_lawsuits_disputes_and_competition() {
        assert_eq!(RelationKind::Dispute.group(), RelationGroup::Conflict);
        assert_eq!(RelationKind::Competition.group(), RelationGroup::Conflict);
        assert_eq!(OrgKind::GpuCloud.group(), OrgKind::Cloud.group());
        assert_ne!(OrgKind::AiLab.group(), OrgKind::Cloud.group());
    }
}
